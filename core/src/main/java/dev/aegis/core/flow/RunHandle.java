package dev.aegis.core.flow;

import dev.aegis.core.policy.Redactor;
import dev.aegis.core.run.RunLedger;
import dev.aegis.core.run.RunState;
import dev.aegis.core.run.StatusComment;
import dev.aegis.core.tracker.Issue;
import java.time.Clock;
import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * One run being worked on: its issue and its status comment. Every write goes through here, so the text
 * and the hidden state always change together; the heartbeat touches the state while the agent works, so
 * stale recovery and other jobs can tell a live run from a dead one.
 */
final class RunHandle {
  private final Issue issue;
  private final RunLedger ledger;
  private final Clock clock;
  private final Redactor redactor;
  private final String footer;
  private StatusComment status;
  private String text;

  RunHandle(Issue issue, StatusComment status, String text, RunLedger ledger, Clock clock, Redactor redactor) {
    this(issue, status, text, ledger, clock, redactor, "");
  }

  /**
   * @param footer appended to every text this handle writes (the link to the Actions run that wrote it), may be
   *     empty
   */
  RunHandle(Issue issue, StatusComment status, String text, RunLedger ledger, Clock clock, Redactor redactor,
      String footer) {
    this.footer = Objects.requireNonNull(footer, "footer");
    this.issue = Objects.requireNonNull(issue, "issue");
    this.status = Objects.requireNonNull(status, "status");
    this.text = Objects.requireNonNull(text, "text");
    this.ledger = Objects.requireNonNull(ledger, "ledger");
    this.clock = Objects.requireNonNull(clock, "clock");
    this.redactor = Objects.requireNonNull(redactor, "redactor");
  }

  Issue issue() {
    return issue;
  }

  synchronized RunState state() {
    return status.state();
  }

  /**
   * Replaces the status comment's text and state; known secret values never reach the tracker, neither in
   * the text nor in the hidden block's facts (plan, fix summary, test output), which are just as public. The
   * footer, when there is one, ends the text.
   */
  synchronized void write(String newText, RunState newState) {
    String clean = redactor.redact(newText + footer);
    status = ledger.update(issue.key(), status, clean, redacted(newState));
    text = clean;
  }

  private RunState redacted(RunState s) {
    RunState out = s;
    for (var fact : s.facts().entrySet()) {
      String value = redactor.redact(fact.getValue());
      if (!value.equals(fact.getValue())) {
        out = out.withFact(fact.getKey(), value, s.updatedAt());
      }
    }
    return out;
  }

  /** Marks the run alive now. */
  synchronized void touch() {
    write(text, status.state().withPhase(status.state().phase(), clock.instant()));
  }

  /** Touches the state every {@code interval} until closed. */
  AutoCloseable heartbeat(Duration interval) {
    ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(r -> {
      Thread t = new Thread(r, "aegis-heartbeat");
      t.setDaemon(true);
      return t;
    });
    long millis = Math.max(1000, interval.toMillis());
    timer.scheduleAtFixedRate(() -> {
      try {
        touch();
      } catch (RuntimeException e) {
        // a missed heartbeat only makes the run look older; the next one retries
      }
    }, millis, millis, TimeUnit.MILLISECONDS);
    return timer::shutdownNow;
  }
}
