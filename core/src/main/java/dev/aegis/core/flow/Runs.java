package dev.aegis.core.flow;

import dev.aegis.core.event.ActionsRun;
import dev.aegis.core.run.RunLedger;
import dev.aegis.core.run.RunState;
import dev.aegis.core.run.StatusComment;
import dev.aegis.core.tracker.Issue;

/** Wires the steps of a run together for one flow: plan, implement, stop, and auto mode's hand-off. */
final class Runs {
  private final FlowContext ctx;
  private final RunLedger ledger;
  private final Stopper stopper;
  private final Planner planner;
  private final Implementer implementer;
  private final Endings endings;

  Runs(FlowContext ctx, Authorizer authorizer) {
    this.ctx = ctx;
    this.ledger = new RunLedger(ctx.tracker());
    this.endings = new Endings(ctx);
    this.stopper = new Stopper(ctx, authorizer);
    this.planner = new Planner(ctx, endings);
    this.implementer = new Implementer(ctx, endings, stopper);
  }

  RunHandle handle(Issue issue, StatusComment status) {
    return new RunHandle(issue, status, status.text(), ledger, ctx.clock(), new Tasks(ctx.agent()).secrets().redactor(),
        footer());
  }

  /** Status comments written inside GitHub Actions link the workflow run that wrote them. */
  private String footer() {
    return ActionsRun.signatureIn(ctx.environment());
  }

  /** Plans; in auto mode a low-risk plan goes straight on to implementation. */
  FlowResult plan(RunHandle run) {
    return guarded(run, () -> planNow(run));
  }

  private FlowResult planNow(RunHandle run) {
    if (ctx.dispatchOnly()) {
      return queued(run, "plan");
    }
    FlowResult planned = planner.plan(run);
    RunState s = run.state();
    if (planned.status() == FlowResult.Status.AWAITING_APPROVAL && planner.autoApprove(s)) {
      ctx.progress().accept("Auto mode: the plan is low risk, implementing it now");
      return implementer.implement(run, StatusTexts.AUTO_APPROVAL, "");
    }
    return planned;
  }

  FlowResult implement(RunHandle run, String approvalId, String approver) {
    return guarded(run, () -> implementNow(run, approvalId, approver));
  }

  private FlowResult implementNow(RunHandle run, String approvalId, String approver) {
    if (ctx.dispatchOnly()) {
      boolean recorded = "implementing".equals(run.state().fact(Planner.STAGE).orElse(""))
          && approvalId.equals(run.state().fact(Implementer.APPROVAL).orElse(""));
      if (!recorded) {
        // Recorded once only: rewriting it on every scan would look like a heartbeat and keep a run whose
        // worker died from ever going stale.
        implementer.approve(run, approvalId, approver);
      }
      return queued(run, "implement");
    }
    return implementer.implement(run, approvalId, approver);
  }

  /**
   * Runs the step a dispatching host queued, or resumes an interrupted one: the run's stage says which. A
   * dispatching host gets the step back as queued work, whichever it is (never an agent run on it).
   */
  FlowResult resume(RunHandle run) {
    return guarded(run, () -> resumeNow(run));
  }

  private FlowResult resumeNow(RunHandle run) {
    RunState s = run.state();
    if ("implementing".equals(s.fact(Planner.STAGE).orElse(""))) {
      if (ctx.dispatchOnly()) {
        return queued(run, "implement");
      }
      return implementer.implement(run, s.fact(Implementer.APPROVAL).orElse("resumed"),
          s.fact(Implementer.APPROVED_BY).orElse(""));
    }
    return planNow(run);
  }

  /**
   * A step handed to a worker. Its key is stable for the same piece of work (the approval for an
   * implementation, the planning round for a plan), so a host that sees it again (a redelivered event, a
   * scan after the grace period while the worker is still queued) starts it only once.
   */
  private static FlowResult queued(RunHandle run, String step) {
    RunState s = run.state();
    String round = "implement".equals(step) ? s.fact(Implementer.APPROVAL).orElse("approval")
        : "round-" + s.handled().size();
    String key = step + ":" + s.issue().display() + ":" + s.runId() + ":" + round;
    return new FlowResult(s.issue(), s.runId(), FlowResult.Status.QUEUED, step + " run " + s.runId(), "",
        new FlowResult.Queued(step, key));
  }

  /** True when the run is blocked only because its pushed fix still needs its pull request. */
  boolean awaitsPullRequest(RunState s) {
    return implementer.awaitsPullRequest(s);
  }

  /**
   * Runs a step of a run this job holds so that no failure leaves it half made: an unexpected error (a bug in
   * Aegis, a broken workspace) ends the run blocked with a note saying so, rather than a stack trace with the
   * issue left "in progress". A tracker failure is rethrown: writing the note would fail the same way, and the
   * run's state (in progress, with its heartbeat) lets the next job resume it.
   */
  private FlowResult guarded(RunHandle run, java.util.function.Supplier<FlowResult> step) {
    try {
      return step.get();
    } catch (dev.aegis.core.tracker.TrackerException e) {
      throw e;
    } catch (RuntimeException e) {
      ctx.progress().accept("Run " + run.state().runId() + " failed unexpectedly: " + e);
      return endings.block(run, "the run stopped on an unexpected error in Aegis (" + e.getClass().getSimpleName()
          + (e.getMessage() == null ? "" : ": " + e.getMessage()) + ")",
          "the job log has the details. Remove the aegis:blocked label to try again; if it happens again, please "
              + "report it with the log.");
    }
  }

  Stopper stopper() {
    return stopper;
  }
}
