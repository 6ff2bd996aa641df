package dev.aegis.cli;

import dev.aegis.core.agent.Stop;
import dev.aegis.core.host.HostResult.Outcome;
import dev.aegis.core.ops.OpsOutcome;

/**
 * Every exit code of the {@code aegis} command, in one place. Workflows and scripts can rely on them.
 *
 * <table>
 *   <caption>exit codes</caption>
 *   <tr><td>0</td><td>done (also: nothing to do, paused)</td></tr>
 *   <tr><td>2</td><td>bad input: unknown option, malformed event, unknown issue</td></tr>
 *   <tr><td>3</td><td>configuration missing or invalid</td></tr>
 *   <tr><td>4</td><td>token or key refused, or lacking a permission</td></tr>
 *   <tr><td>5</td><td>a remote service failed or rate limited after retries</td></tr>
 *   <tr><td>6</td><td>the run could not finish and was marked blocked</td></tr>
 *   <tr><td>7</td><td>an audit log failed verification</td></tr>
 *   <tr><td>8</td><td>{@code pause}/{@code resume} set only the local config file: the repository variable the
 *       Action reads could not be set (no token, or a token that may not write Actions variables)</td></tr>
 *   <tr><td>70</td><td>a bug in Aegis</td></tr>
 * </table>
 */
public final class ExitCodes {
  public static final int OK = 0;
  public static final int USAGE = 2;
  public static final int CONFIG = 3;
  public static final int AUTH = 4;
  public static final int REMOTE = 5;
  public static final int BLOCKED = 6;
  public static final int AUDIT_BROKEN = 7;
  public static final int LOCAL_ONLY = 8;
  public static final int INTERNAL = 70;

  private ExitCodes() {}

  /** The exit code of a core outcome. */
  public static int of(Outcome outcome) {
    return switch (outcome) {
      case OK, PAUSED -> OK;
      case INPUT_ERROR -> USAGE;
      case CONFIG_ERROR -> CONFIG;
      case AUTH_ERROR -> AUTH;
      case REMOTE_ERROR -> REMOTE;
      case BLOCKED -> BLOCKED;
      case INTERNAL_ERROR -> INTERNAL;
    };
  }

  /** The exit code of a maintainer command's outcome. */
  public static int of(OpsOutcome outcome) {
    return switch (outcome) {
      case OK -> OK;
      case LOCAL_ONLY -> LOCAL_ONLY;
      case CONFIG_ERROR -> CONFIG;
      case AUTH_ERROR -> AUTH;
      case REMOTE_ERROR -> REMOTE;
    };
  }

  /** The exit code of an agent run's outcome. */
  public static int of(Stop.Outcome outcome) {
    return switch (outcome) {
      case FINISHED -> OK;
      case BLOCKED -> BLOCKED;
      case CONFIG_ERROR -> CONFIG;
      case AUTH_ERROR -> AUTH;
      case REMOTE_ERROR -> REMOTE;
      case INTERNAL_ERROR -> INTERNAL;
    };
  }
}
