package dev.aegis.core.run;

import dev.aegis.core.tracker.IssueKey;
import java.util.Objects;

/**
 * One pickup decision about one issue, printed as a line:
 * {@code github:#123 would run - ready bug with enough context}.
 *
 * @param issue the issue
 * @param verdict what Aegis does (or would do) with it
 * @param detail why, in plain English
 * @param runId the run involved, empty when none
 */
public record Decision(IssueKey issue, Verdict verdict, String detail, String runId) {
  public Decision {
    Objects.requireNonNull(issue, "issue");
    Objects.requireNonNull(verdict, "verdict");
    Objects.requireNonNull(detail, "detail");
    runId = Objects.requireNonNullElse(runId, "");
  }

  public static Decision of(IssueKey issue, Verdict verdict, String detail) {
    return new Decision(issue, verdict, detail, "");
  }

  /** The decision line. */
  public String line() {
    return issue.display() + " " + verdict.text() + " - " + detail;
  }

  /** What Aegis does with a candidate. */
  public enum Verdict {
    WOULD_RUN("would run"),
    CLAIMED("claimed"),
    NEEDS_INFO("needs info"),
    WAITING("waiting"),
    SKIPPED("skipped"),
    WOULD_BLOCK("would block"),
    BLOCKED("blocked");

    private final String text;

    Verdict(String text) {
      this.text = text;
    }

    public String text() {
      return text;
    }
  }
}
