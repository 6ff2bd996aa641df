package dev.aegis.core.flow;

import dev.aegis.core.run.RunLedger;
import dev.aegis.core.run.RunState;
import dev.aegis.core.run.StatusComment;
import dev.aegis.core.tracker.Issue;
import dev.aegis.core.tracker.IssueComment;
import dev.aegis.core.tracker.IssueKey;
import dev.aegis.core.tracker.Phase;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Steps 4-8 of a run on the tracker: plan after a claim, answer commands, implement approved plans, and
 * bring an interrupted run back on its feet. State lives in the tracker only (labels, the status comment's
 * hidden block, the branch, the pull request), so every entry point can be repeated safely: a re-delivered
 * event, a re-run job or a crash at any step converges to one status comment, one branch, one PR.
 */
public final class RunFlow {
  private final FlowContext ctx;
  private final RunLedger ledger;
  private final Runs runs;
  private final CommandHandler commands;

  public RunFlow(FlowContext ctx) {
    this.ctx = Objects.requireNonNull(ctx, "ctx");
    this.ledger = new RunLedger(ctx.tracker());
    Authorizer authorizer = new Authorizer(ctx.tracker(), ctx.config().approvers());
    this.runs = new Runs(ctx, authorizer);
    this.commands = new CommandHandler(ctx, authorizer, runs);
  }

  /** Plans a run this job has just claimed. */
  public FlowResult afterClaim(IssueKey key) {
    Issue issue = existing(key);
    StatusComment status = ledger.latest(key, ctx.tracker().comments(key))
        .orElseThrow(() -> new IllegalStateException("no status comment on " + key.display() + " after its claim"));
    return runs.plan(runs.handle(issue, status));
  }

  /** A comment on an issue: a command, a refusal, or nothing. */
  public FlowResult comment(IssueKey key, IncomingComment comment) {
    return commands.handle(existing(key), comment);
  }

  /**
   * Brings an issue Aegis already holds back in line: restores a phase label a crash left out, resumes
   * planning or implementing when the job that held the run stopped reporting (its heartbeat is older than
   * the claim grace period), and opens the pull request of a run blocked only because opening it was refused.
   *
   * @return what was resumed, or empty when nothing needed doing
   */
  public Optional<FlowResult> converge(IssueKey key) {
    Optional<Issue> found = ctx.tracker().issue(key);
    if (found.isEmpty()) {
      return Optional.empty();
    }
    Issue issue = found.get();
    List<IssueComment> comments = ctx.tracker().comments(key);
    Optional<StatusComment> latest = ledger.latest(key, comments);
    if (latest.isEmpty()) {
      return Optional.empty();
    }
    RunState s = latest.get().state();
    if (!ctx.tracker().inPhase(issue, s.phase())) {
      ctx.tracker().setPhase(key, s.phase());
    }
    if (runs.awaitsPullRequest(s)) {
      // blocked only because the pull request was refused: a re-run of the job (auto mode's is an issues event)
      // opens it from the pushed branch, with the approval the fix was made under
      ctx.progress().accept("Opening the pull request of run " + s.runId() + " from its pushed branch " + s.branch());
      return Optional.of(runs.implement(runs.handle(issue, latest.get()), s.fact(Implementer.APPROVAL).orElse("resumed"),
          s.fact(Implementer.APPROVED_BY).orElse("")));
    }
    boolean orphaned = s.phase() == Phase.IN_PROGRESS
        && Duration.between(s.updatedAt(), ctx.clock().instant()).compareTo(ctx.config().claimGrace()) >= 0;
    if (!orphaned) {
      return Optional.empty();
    }
    ctx.progress().accept("Resuming run " + s.runId() + " (" + s.fact(Planner.STAGE).orElse("planning")
        + ") after an interrupted job");
    return Optional.of(runs.resume(runs.handle(issue, latest.get())));
  }

  /**
   * Runs the queued step of an issue's current run (a worker's {@code plan} or {@code implement}): the run
   * must be in progress; {@code runId}, when given, must name it.
   *
   * @throws IllegalArgumentException when there is no such run in progress
   */
  public FlowResult work(IssueKey key, String runId) {
    Issue issue = existing(key);
    StatusComment latest = ledger.latest(key, ctx.tracker().comments(key))
        .filter(s -> runId == null || runId.isBlank() || s.state().runId().equals(runId))
        .orElseThrow(() -> new IllegalArgumentException("no Aegis run " + (runId == null ? "" : runId + " ")
            + "on " + key.display()));
    if (latest.state().phase() != Phase.IN_PROGRESS) {
      return FlowResult.of(key, latest.state().runId(), FlowResult.Status.NOTHING_TO_DO,
          "run " + latest.state().runId() + " is " + latest.state().fact(Planner.STAGE).orElse(latest.state().phase().name()));
    }
    return runs.resume(runs.handle(issue, latest));
  }

  private Issue existing(IssueKey key) {
    return ctx.tracker().issue(key)
        .orElseThrow(() -> new IllegalArgumentException(key.display() + " does not exist or is not visible to the token"));
  }
}
