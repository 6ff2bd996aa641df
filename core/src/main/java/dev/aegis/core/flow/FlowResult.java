package dev.aegis.core.flow;

import dev.aegis.core.tracker.IssueKey;
import java.util.Objects;

/**
 * What a flow step ended with, printed like a decision line:
 * {@code github:#12 awaiting approval - run 12-k3x9qa (risk low, cost $0.0312)}.
 *
 * @param issue the issue
 * @param runId the run, empty when none
 * @param status where the run ended up
 * @param detail plain-English detail
 * @param prUrl the pull request, empty when none
 * @param queued for {@link Status#QUEUED}: the step a worker must run; null otherwise
 */
public record FlowResult(IssueKey issue, String runId, Status status, String detail, String prUrl, Queued queued) {
  public FlowResult {
    Objects.requireNonNull(issue, "issue");
    runId = Objects.requireNonNullElse(runId, "");
    Objects.requireNonNull(status, "status");
    Objects.requireNonNull(detail, "detail");
    prUrl = Objects.requireNonNullElse(prUrl, "");
  }

  static FlowResult of(IssueKey issue, String runId, Status status, String detail) {
    return new FlowResult(issue, runId, status, detail, "", null);
  }

  /**
   * A step queued for a worker.
   *
   * @param step {@code plan} or {@code implement}
   * @param key identifies this piece of work across scans (run id plus the state change that queued it)
   */
  public record Queued(String step, String key) {
    public Queued {
      Objects.requireNonNull(step, "step");
      Objects.requireNonNull(key, "key");
    }
  }

  public String line() {
    return issue.display() + " " + status.text + " - " + detail;
  }

  /** Where a flow step left the run. */
  public enum Status {
    AWAITING_APPROVAL("awaiting approval"),
    QUEUED("queued"),
    PR_OPENED("pull request opened"),
    BLOCKED("blocked"),
    STOPPED("stopped"),
    REFUSED("refused"),
    NOTHING_TO_DO("nothing to do");

    private final String text;

    Status(String text) {
      this.text = text;
    }

    public String text() {
      return text;
    }
  }
}
