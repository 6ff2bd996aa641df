package dev.aegis.core.run;

import java.util.Objects;

/** What came of trying to claim an issue. */
public sealed interface ClaimOutcome {

  /**
   * This process now owns the run.
   *
   * @param status the run's status comment (state phase in-progress)
   * @param adopted true when it took over a claim whose job died before posting its status comment
   */
  record Claimed(StatusComment status, boolean adopted) implements ClaimOutcome {
    public Claimed {
      Objects.requireNonNull(status, "status");
    }
  }

  /**
   * Someone else owns it, or it cannot be claimed now.
   *
   * @param runId the owning run, empty when unknown
   * @param reason plain-English reason for the decision line, e.g. {@code already claimed (run 12-abc123)}
   */
  record Taken(String runId, String reason) implements ClaimOutcome {
    public Taken {
      Objects.requireNonNull(runId, "runId");
      Objects.requireNonNull(reason, "reason");
    }
  }
}
