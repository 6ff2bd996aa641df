package dev.aegis.cli;

import dev.aegis.core.agent.Stop;

/** The CLI's exit codes, in one place. */
final class ExitCodes {
  /** Did what was asked. */
  static final int OK = 0;
  /** Bad command line (picocli's own usage code). */
  static final int USAGE = 2;
  /** The run could not finish (budget, context, policy, no finish): the issue would be marked blocked. */
  static final int BLOCKED = 3;
  /** Configuration is missing or invalid (unknown model, missing key or base URL). */
  static final int CONFIG_ERROR = 4;
  /** A key or token was refused. */
  static final int AUTH_ERROR = 5;
  /** A remote service kept failing. */
  static final int REMOTE_ERROR = 6;
  /** An audit log failed verification. */
  static final int AUDIT_BROKEN = 7;
  /** A bug in Aegis. */
  static final int INTERNAL_ERROR = 70;

  private ExitCodes() {}

  static int of(Stop.Outcome outcome) {
    return switch (outcome) {
      case FINISHED -> OK;
      case BLOCKED -> BLOCKED;
      case CONFIG_ERROR -> CONFIG_ERROR;
      case AUTH_ERROR -> AUTH_ERROR;
      case REMOTE_ERROR -> REMOTE_ERROR;
      case INTERNAL_ERROR -> INTERNAL_ERROR;
    };
  }
}
