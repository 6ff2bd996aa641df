package dev.aegis.core.flow;

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
    return new RunHandle(issue, status, status.text(), ledger, ctx.clock(), new Tasks(ctx.agent()).secrets().redactor());
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
      implementer.approve(run, approvalId, approver);
      return queued(run, "implement");
    }
    return implementer.implement(run, approvalId, approver);
  }

  /** Runs the step a dispatching host queued: the run's stage says which. */
  FlowResult resume(RunHandle run) {
    RunState s = run.state();
    if ("implementing".equals(s.fact(Planner.STAGE).orElse(""))) {
      return implementer.implement(run, s.fact(Implementer.APPROVAL).orElse("resumed"),
          s.fact(Implementer.APPROVED_BY).orElse(""));
    }
    return plan(run);
  }

  private static FlowResult queued(RunHandle run, String step) {
    RunState s = run.state();
    String key = step + ":" + s.issue().display() + ":" + s.runId() + ":" + s.updatedAt().toEpochMilli();
    return new FlowResult(s.issue(), s.runId(), FlowResult.Status.QUEUED, step + " run " + s.runId(), "",
        new FlowResult.Queued(step, key));
  }

  Stopper stopper() {
    return stopper;
  }
}
