package dev.aegis.core.flow;

import dev.aegis.core.command.Command;
import dev.aegis.core.command.Commands;
import dev.aegis.core.config.ConfigKeys;
import dev.aegis.core.run.RunLedger;
import dev.aegis.core.run.RunState;
import dev.aegis.core.tracker.IssueComment;
import dev.aegis.core.tracker.Phase;
import java.util.Optional;

/**
 * Stops runs: on {@code /aegis stop <run-id>}, and between the steps of an implement run, which looks for
 * a stop posted meanwhile before each step that cannot be undone (push, pull request).
 */
final class Stopper {
  static final String STOPPED_BY = "stopped-by";

  private final FlowContext ctx;
  private final Authorizer authorizer;
  private final RunLedger ledger;
  private final Announcements announcements;

  Stopper(FlowContext ctx, Authorizer authorizer) {
    this.announcements = new Announcements(ctx);
    this.ctx = ctx;
    this.authorizer = authorizer;
    this.ledger = new RunLedger(ctx.tracker());
  }

  /**
   * What a stop does besides recording it, idempotent so a redelivered stop can finish it after the job that
   * recorded it died: no phase label, no ready label, and the branch deleted unless a pull request uses it.
   */
  void cleanUp(RunState stopped) {
    ctx.tracker().setPhase(stopped.issue(), Phase.NONE);
    ctx.tracker().withdrawReady(stopped.issue());
    if (ctx.code().openPullRequest(stopped.branch()).isEmpty()) {
      ctx.code().deleteBranch(stopped.branch());
    }
  }

  /** An authorized, not yet handled stop for this run posted on the issue. */
  Optional<IssueComment> requested(RunState state) {
    for (IssueComment c : ctx.tracker().comments(state.issue())) {
      if (c.author().bot() || ledger.byAegis(c) || state.handled().contains(c.id())) {
        continue;
      }
      if (Commands.parse(c.body()) instanceof Commands.Valid v && v.command().verb() == Command.Verb.STOP
          && v.command().runId().equals(state.runId()) && authorizer.mayCommand(state.issue(), c.author().login())) {
        return Optional.of(c);
      }
    }
    return Optional.empty();
  }

  /** Ends the run as stopped: no pull request, the run's branch removed, the ready label withdrawn. */
  FlowResult stop(RunHandle run, String by, String commentId) {
    RunState stopped = run.state().withPhase(Phase.NONE, ctx.clock().instant())
        .withFact(Planner.STAGE, "stopped", ctx.clock().instant())
        .withFact(STOPPED_BY, by, ctx.clock().instant())
        .withHandled(commentId, ctx.clock().instant());
    String ready = "linear".equals(stopped.issue().tracker())
        ? ctx.config().text(ConfigKeys.LINEAR_READY_LABEL).or(() -> ctx.config().text(ConfigKeys.LINEAR_READY_STATE))
            .orElse("ready")
        : ctx.config().readyLabel();
    announcements.write(run, StatusTexts.stopped(stopped, by, ready), stopped,
        announcements.event(dev.aegis.core.channel.RunEvent.Kind.STOPPED, run, stopped).withBy(by));
    cleanUp(stopped);
    ctx.progress().accept("Run " + stopped.runId() + " stopped by " + by);
    return FlowResult.of(stopped.issue(), stopped.runId(), FlowResult.Status.STOPPED,
        "run " + stopped.runId() + " stopped by " + by);
  }
}
