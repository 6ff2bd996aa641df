package dev.aegis.core.flow;

import dev.aegis.core.agent.EngineResult;
import dev.aegis.core.agent.PlanReport;
import dev.aegis.core.agent.Risk;
import dev.aegis.core.git.GitException;
import dev.aegis.core.git.Checkout;
import dev.aegis.core.model.ModelException;
import dev.aegis.core.run.RunState;
import dev.aegis.core.tracker.Phase;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * The plan run (step 4): the agent investigates the workspace and produces the RCA, which replaces the
 * run's status comment together with the commands to answer with. The run then waits for approval.
 */
final class Planner {
  static final String STAGE = RunState.STAGE;
  static final String PLAN = "plan";
  static final String ASK = "ask";
  static final String COST = "cost";
  static final String AUDIT = "audit";
  /** How the run's commands were isolated, as the last agent run reported it. */
  static final String ISOLATION = "isolation";

  private final FlowContext ctx;
  private final Tasks tasks;
  private final Endings endings;
  private final PlanCodec plans = new PlanCodec();

  Planner(FlowContext ctx, Endings endings) {
    this.ctx = ctx;
    this.tasks = new Tasks(ctx.agent());
    this.endings = endings;
  }

  /** Plans the run; the handle's state must be in progress. */
  FlowResult plan(RunHandle run) {
    RunState state = run.state();
    ctx.progress().accept("Investigating " + state.issue().display() + " (run " + state.runId() + ")");
    onBase(state);
    EngineResult result;
    Instant started;
    try (AutoCloseable beat = run.heartbeat(heartbeat())) {
      Optional<ProjectTests.Result> setup = setup();
      if (setup.isPresent() && !setup.get().passed()) {
        return endings.block(run, ProjectTests.setupFailed(setup.get()), "fix `setup-command` in .aegis/config.yml"
            + " (or set the toolchain up in a workflow step before Aegis), then remove the aegis:blocked label.");
      }
      started = ctx.clock().instant();
      result = ctx.engines().engine(ctx.config(), ctx.environment(), ctx.progress()::accept)
          .run(tasks.plan(run.issue(), state.runId(), state.fact(ASK).orElse("")));
    } catch (ModelException e) {
      return endings.block(run, "the model could not be used: " + e.getMessage(),
          "fix the model settings (model, key, base URL), then remove the aegis:blocked label.");
    } catch (Exception e) {
      throw Endings.unchecked(e);
    }
    Optional<PlanReport> plan = result.plan();
    if (plan.isEmpty()) {
      return endings.block(run, "the investigation stopped before a root cause was found. "
          + result.stop().explain(), "add detail to the issue or raise the budget, then remove the aegis:blocked label.");
    }
    Instant now = ctx.clock().instant();
    RunState next = RunTotals.add(run.state(), result, Duration.between(started, now), now)
        .withPhase(Phase.AWAITING_APPROVAL, now)
        .withFact(STAGE, "awaiting-approval", ctx.clock().instant())
        .withFact(PLAN, plans.write(plan.get()), ctx.clock().instant())
        .withFact(ISOLATION, result.isolation(), ctx.clock().instant())
        .withFact(AUDIT, result.auditFinalHash(), ctx.clock().instant());
    String cost = Costs.text(next.fact(COST));
    run.write(StatusTexts.rca(next, plan.get(), cost, ctx.config().approvers()), next);
    ctx.tracker().setPhase(next.issue(), Phase.AWAITING_APPROVAL);
    ctx.progress().accept("Root-cause analysis posted; waiting for /aegis proceed " + next.runId());
    return FlowResult.of(next.issue(), next.runId(), FlowResult.Status.AWAITING_APPROVAL,
        "run " + next.runId() + " (risk " + plan.get().risk().label() + ", cost " + cost + ")");
  }

  /**
   * Puts the workspace on the base branch as it is on {@code origin}, so a reused workspace (a Jenkins agent,
   * a re-run) is investigated as the fix will start from. When that is impossible (no origin, offline) the
   * workspace is investigated as checked out, and the log says so.
   */
  private void onBase(RunState state) {
    Checkout ws = ctx.checkout();
    try {
      ws.fetch(state.base(), ctx.pushToken());
      ws.checkoutDetached("refs/remotes/origin/" + state.base());
    } catch (GitException | java.io.UncheckedIOException e) {
      ctx.progress().accept("Could not check out " + state.base() + " from origin (" + e.getMessage()
          + "); investigating the workspace as checked out");
    }
  }

  /**
   * The setup command before the investigation. Where commands cannot run (no isolation), the plan run
   * investigates with its file tools only, so the setup is skipped and the log says so.
   */
  private Optional<ProjectTests.Result> setup() {
    try {
      return new ProjectTests(ctx).setup();
    } catch (dev.aegis.core.policy.PolicyException e) {
      ctx.progress().accept("The setup command did not run: " + e.getMessage());
      return Optional.empty();
    }
  }

  /** True when auto mode may implement this plan without a human (low risk only). */
  boolean autoApprove(RunState state) {
    return ctx.config().autoMode()
        && state.fact(PLAN).flatMap(plans::read).map(p -> p.risk() == Risk.LOW).orElse(false);
  }

  private Duration heartbeat() {
    return Duration.ofSeconds(Math.max(20, ctx.config().claimGrace().toSeconds() / 3));
  }
}
