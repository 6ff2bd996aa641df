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

  Runs(FlowContext ctx, Authorizer authorizer) {
    this.ctx = ctx;
    this.ledger = new RunLedger(ctx.tracker());
    Endings endings = new Endings(ctx);
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
    return ActionsRun.of(ctx.environment())
        .map(r -> "\n\n_Written by [workflow run " + r.runId() + "](" + r.url() + ")._").orElse("");
  }

  /** Plans; in auto mode a low-risk plan goes straight on to implementation. */
  FlowResult plan(RunHandle run) {
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
    RunState s = run.state();
    if ("implementing".equals(s.fact(Planner.STAGE).orElse(""))) {
      if (ctx.dispatchOnly()) {
        return queued(run, "implement");
      }
      return implementer.implement(run, s.fact(Implementer.APPROVAL).orElse("resumed"),
          s.fact(Implementer.APPROVED_BY).orElse(""));
    }
    return plan(run);
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

  Stopper stopper() {
    return stopper;
  }
}
