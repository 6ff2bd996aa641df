package dev.aegis.core.host;

import java.util.Locale;
import java.util.Optional;

/** What a host (CLI, GitHub Action, Jenkins step) asks the core to do. */
public enum HostCommand {
  /** Scan the trackers for ready bugs; claim them unless dry-run. */
  PICKUP,
  /** Investigate a claimed issue and post the RCA checkpoint. */
  PLAN,
  /** Implement an approved run: fix, test, push, open the PR. */
  IMPLEMENT,
  /** Handle the GitHub event described by the environment (what {@code action.yml} runs). */
  ACTION,
  /** Run the agent engine on a workspace with a free-form prompt. */
  RUN,
  /** Mark stale runs blocked. */
  RECOVER,
  /**
   * For hosts that poll (the Jenkins controller): recover stale runs, record approvals and claims, and list
   * the agent work to hand to workers in the {@code work} output, without running any agent here.
   */
  SCAN,
  /** Like {@link #ACTION} for an event a webhook delivered, without running any agent here (work is listed). */
  EVENT,
  /**
   * A Linear webhook delivery the host has already verified ({@code LinearWebhooks#verify}): its raw body is in
   * the file named by the environment variable {@link #LINEAR_EVENT_PATH}. Like {@link #EVENT}, no agent runs
   * here (work is listed). The payload is only a trigger: the issue and the comment are read again from Linear.
   */
  LINEAR_EVENT;

  /** The environment variable naming the file that holds a verified Linear webhook body. */
  public static final String LINEAR_EVENT_PATH = "LINEAR_EVENT_PATH";

  /** Parses a host's spelling ({@code pickup}, {@code PLAN}); empty when unknown. */
  public static Optional<HostCommand> parse(String text) {
    if (text == null) {
      return Optional.empty();
    }
    try {
      return Optional.of(valueOf(text.trim().toUpperCase(Locale.ROOT).replace('-', '_')));
    } catch (IllegalArgumentException e) {
      return Optional.empty();
    }
  }

  /**
   * True when a pause ({@code max-concurrent-runs: 0}) stops the command: every one but {@link #RUN}, which runs the
   * agent on a prompt and touches no tracker.
   */
  public boolean honoursPause() {
    return this != RUN;
  }

  /**
   * True when the command works on the repository's code, so its workspace must be a git checkout of it
   * ({@link dev.aegis.core.git.Checkout#isCheckout}): {@link #PLAN} and {@link #IMPLEMENT}. The core refuses them in
   * a workspace that is not, before anything is claimed or written.
   */
  public boolean needsCheckout() {
    return this == PLAN || this == IMPLEMENT;
  }

  /**
   * True when the command honours {@link HostRequest#dryRun()}: it decides and prints, and writes nothing (no claim,
   * comment, label, branch or agent run). {@link #IMPLEMENT} and {@link #RUN} have no dry run: the core refuses a
   * dry-run request for them rather than act.
   */
  public boolean supportsDryRun() {
    return this != IMPLEMENT && this != RUN;
  }

  /** The spelling hosts use: {@code pickup}, {@code linear-event}. */
  public String cliName() {
    return name().toLowerCase(Locale.ROOT).replace('_', '-');
  }
}
