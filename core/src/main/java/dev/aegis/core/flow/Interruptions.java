package dev.aegis.core.flow;

import dev.aegis.core.run.RunState;
import dev.aegis.core.tracker.Phase;
import dev.aegis.core.tracker.TrackerException;
import java.util.function.Supplier;

/**
 * Where a run ends when the tracker or code host fails for good in the middle of a step (after the adapters'
 * retries): in a defined state. A run in progress is recorded as interrupted (its status comment says what
 * failed, its labels agree with its phase), so a re-run of the job or a redelivery of its event resumes it at
 * once; a run at rest (awaiting approval, pull request opened, blocked) only gets its label put back in line
 * with its state. The failure then reaches the host as before (exit 5), with what happens next added.
 *
 * <p>Only transient failures interrupt a run (no answer, a 5xx, a rate limit): a refusal (401, 403, 404, 422)
 * will not go away by itself, so it is reported as it is.
 */
final class Interruptions {
  private final FlowContext ctx;

  Interruptions(FlowContext ctx) {
    this.ctx = ctx;
  }

  /** Runs {@code step} of {@code run}; a transient tracker failure is recorded on the run, then rethrown. */
  FlowResult guard(RunHandle run, Supplier<FlowResult> step) {
    try {
      return step.get();
    } catch (Recorded e) {
      throw e;
    } catch (TrackerException e) {
      if (!transientFailure(e)) {
        throw e;
      }
      throw new Recorded(record(run, e), e);
    }
  }

  /** True for a failure a later attempt may not meet: no answer at all, a 5xx, or a rate limit. */
  static boolean transientFailure(TrackerException e) {
    return e.status() == 0 || e.status() >= 500 || e.retryAfter().isPresent();
  }

  /** Records the interruption as far as the tracker lets it; returns what to tell the host. */
  private String record(RunHandle run, TrackerException e) {
    RunState s = run.state();
    String after;
    if (s.phase() == Phase.IN_PROGRESS) {
      RunState marked = s.withFact(RunState.INTERRUPTED, e.getMessage(), ctx.clock().instant());
      try {
        run.writeInterrupted(StatusTexts.interrupted(marked, e.getMessage()), marked);
        after = " Run " + s.runId() + " is recorded as interrupted on " + s.issue().display()
            + ": re-run this job (or redeliver its event) to finish it from where it stopped.";
      } catch (RuntimeException again) {
        after = " Run " + s.runId() + " could not be marked interrupted either (" + again.getMessage()
            + "); the next job resumes it once its claim grace period is over.";
      }
    } else {
      after = " Run " + s.runId() + " is " + s.phase().name().toLowerCase(java.util.Locale.ROOT).replace('_', ' ')
          + "; nothing else is needed.";
    }
    try {
      ctx.tracker().setPhase(s.issue(), s.phase());
    } catch (RuntimeException again) {
      after += " Its label could not be updated; the next job puts it back in line with the run's state.";
    }
    ctx.progress().accept("Interrupted: " + e.getMessage() + after);
    return after;
  }

  /** A transient failure already recorded on its run: an outer step must not record it again. */
  static final class Recorded extends TrackerException {
    private static final long serialVersionUID = 1L;

    Recorded(String after, TrackerException cause) {
      super(cause.getMessage() + after, cause.status(), cause.url(), cause.retryAfter().orElse(null), cause);
    }
  }
}
