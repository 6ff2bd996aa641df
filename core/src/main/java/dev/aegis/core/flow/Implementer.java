package dev.aegis.core.flow;

import dev.aegis.core.agent.EngineResult;
import dev.aegis.core.agent.FixReport;
import dev.aegis.core.agent.PlanReport;
import dev.aegis.core.git.Git;
import dev.aegis.core.git.GitException;
import dev.aegis.core.git.Workspace;
import dev.aegis.core.model.ModelException;
import dev.aegis.core.repo.CommitInfo;
import dev.aegis.core.repo.PullRequest;
import dev.aegis.core.run.Claimer;
import dev.aegis.core.run.RunState;
import dev.aegis.core.tracker.IssueComment;
import dev.aegis.core.tracker.Phase;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * The implement run (step 6): the agent makes the approved fix and a regression test on the run's branch;
 * Aegis runs the project's tests itself, commits, pushes to {@code origin} and opens the pull request, then
 * stops. Never merges. Failing tests end the run blocked with the evidence, and no pull request.
 *
 * <p>Each step can be re-entered after a crash: a fix already pushed is not redone, an open pull request is
 * reused, and a stop posted meanwhile is honoured before the push and before the pull request.
 */
final class Implementer {
  static final String APPROVAL = "approval";
  static final String APPROVED_BY = "approved-by";
  static final String PR = "pr";
  static final String FIX_SUMMARY = "fix-summary";
  static final String TEST_COMMAND = "test-command";
  static final String TEST_TAIL = "test-tail";

  private final FlowContext ctx;
  private final Tasks tasks;
  private final Endings endings;
  private final Stopper stopper;
  private final ProjectTests tests;
  private final PlanCodec plans = new PlanCodec();

  Implementer(FlowContext ctx, Endings endings, Stopper stopper) {
    this.ctx = ctx;
    this.tasks = new Tasks(ctx.agent());
    this.endings = endings;
    this.stopper = stopper;
    this.tests = new ProjectTests(ctx);
  }

  /** Records the approval on the run (state implementing); the first step of an implement run. */
  Optional<PlanReport> approve(RunHandle run, String approvalId, String approver) {
    Optional<PlanReport> plan = run.state().fact(Planner.PLAN).flatMap(plans::read);
    Instant now = ctx.clock().instant();
    RunState working = run.state().withPhase(Phase.IN_PROGRESS, now)
        .withFact(Planner.STAGE, "implementing", now).withFact(APPROVAL, approvalId, now)
        .withFact(APPROVED_BY, approver, now);
    run.write(StatusTexts.implementing(working, plan.orElse(null)), working);
    ctx.tracker().setPhase(working.issue(), Phase.IN_PROGRESS);
    return plan;
  }

  FlowResult implement(RunHandle run, String approvalId, String approver) {
    Optional<PlanReport> plan = approve(run, approvalId, approver);
    if (plan.isEmpty()) {
      return endings.block(run, "the approved plan is missing from the run's status comment",
          "run `/aegis ask " + run.state().runId() + " <detail>` to plan again.");
    }
    RunState working = run.state();
    Optional<String> pushed = pushedFix(working);
    if (pushed.isPresent()) {
      ctx.progress().accept("The fix of run " + working.runId() + " is already pushed; opening the pull request");
      return pullRequest(run, plan.get());
    }
    return fixTestAndPush(run, plan.get());
  }

  private FlowResult fixTestAndPush(RunHandle run, PlanReport plan) {
    RunState s = run.state();
    Optional<FlowResult> stopped = stopIfAsked(run);
    if (stopped.isPresent()) {
      return stopped.get();
    }
    Workspace ws = new Workspace(ctx.workspace(), Git.baseEnvironment(ctx.environment()));
    try {
      ws.fetch(s.base(), ctx.pushToken());
      ws.checkoutFresh(s.branch(), "refs/remotes/origin/" + s.base());
    } catch (GitException e) {
      return endings.block(run, "the workspace could not check out " + s.base() + " from origin (" + e.getMessage() + ")",
          "check that the workflow checks out the repository and that the token can read it.");
    }
    // the heartbeat covers the project's tests and the push too: a test suite slower than the claim grace
    // period must not make the run look dead to other jobs (a second implementation) or to stale recovery
    try (AutoCloseable beat = run.heartbeat(Duration.ofSeconds(Math.max(20, ctx.config().claimGrace().toSeconds() / 3)))) {
      return fixAndTest(run, plan, ws);
    } catch (ModelException e) {
      return endings.block(run, "the model could not be used: " + e.getMessage(), "fix the model settings, then approve again.");
    } catch (Exception e) {
      throw Endings.unchecked(e);
    }
  }

  private FlowResult fixAndTest(RunHandle run, PlanReport plan, Workspace ws) {
    RunState s = run.state();
    EngineResult result = ctx.engines().engine(ctx.config(), ctx.environment(), ctx.progress()::accept).run(tasks.fix(
        run.issue(), s.runId(), plan.rootCause(), plan.fixPlan(), plan.testPlan(), tests.command().orElse("")));
    Optional<FixReport> fix = result.fix();
    if (fix.isEmpty()) {
      return endings.block(run, "the fix run stopped before finishing. " + result.stop().explain(),
          "raise the budget or narrow the plan with `/aegis ask " + s.runId() + " <detail>`.");
    }
    if (!ws.dirty()) {
      return endings.block(run, "the agent finished without changing any file.", "add detail with `/aegis ask`, then approve again.");
    }
    Optional<ProjectTests.Result> tested = tests.run(fix.get());
    if (tested.isEmpty()) {
      return endings.block(run, "no test command is configured or detectable, so the fix could not be verified.",
          "set `test-command` in .aegis/config.yml.");
    }
    if (!tested.get().passed()) {
      return endings.block(run, "the tests fail with the fix (`" + tested.get().command() + "`"
          + (tested.get().timedOut() ? ", timed out" : "") + "), so no pull request was opened.\n\n```\n"
          + tested.get().tail().replace("```", "'''") + "\n```", "add detail with `/aegis ask " + s.runId() + " <detail>`.");
    }
    Optional<FlowResult> stopped = stopIfAsked(run);
    if (stopped.isPresent()) {
      return stopped.get();
    }
    return commitAndPush(run, plan, ws, fix.get(), tested.get(), result);
  }

  private FlowResult commitAndPush(RunHandle run, PlanReport plan, Workspace ws, FixReport fix,
      ProjectTests.Result tested, EngineResult result) {
    RunState s = run.state();
    Instant now = ctx.clock().instant();
    RunState recorded = s.withFact(FIX_SUMMARY, truncate(fix.summary(), 2000), now)
        .withFact(TEST_COMMAND, tested.command(), now).withFact(TEST_TAIL, truncate(tested.tail(), 3000), now)
        .withFact(Planner.COST, Costs.add(s.fact(Planner.COST), result), now)
        .withFact(Planner.AUDIT, result.auditFinalHash(), now);
    run.write(StatusTexts.implementing(recorded, plan), recorded);
    ws.commitAll(tasks.secrets().redactor().redact(PullRequests.commitMessage(run.issue(), recorded, fix)));
    String expected = ctx.code().branchHead(s.branch()).orElse(s.claim());
    if (!expected.equals(s.claim()) && !ours(expected, s)) {
      return endings.block(run, "someone else pushed to " + s.branch() + " during the run, so Aegis did not overwrite it.",
          "delete the branch or remove the aegis:blocked label to start again.");
    }
    try {
      ws.push(s.branch(), expected, ctx.pushToken());
    } catch (GitException e) {
      return endings.block(run, "pushing " + s.branch() + " to origin failed: " + e.stderr().strip(),
          "check that the token may push branches (contents: write).");
    }
    Optional<FlowResult> stopped = stopIfAsked(run);
    return stopped.isPresent() ? stopped.get() : pullRequest(run, plan);
  }

  private FlowResult pullRequest(RunHandle run, PlanReport plan) {
    RunState s = run.state();
    ProjectTests.Result tested = new ProjectTests.Result(s.fact(TEST_COMMAND).orElse("(unknown)"), true, false,
        s.fact(TEST_TAIL).orElse(""));
    String cost = Costs.text(s.fact(Planner.COST));
    String audit = s.fact(Planner.AUDIT).orElse("");
    // createPullRequest returns (and labels) the pull request a crashed job already opened from the branch
    PullRequest pr = ctx.code().createPullRequest(
        redacted(PullRequests.draft(run.issue(), s, plan, s.fact(FIX_SUMMARY).orElse(""), tested, cost, audit)));
    Instant now = ctx.clock().instant();
    RunState done = s.withPhase(Phase.PR_OPENED, now).withFact(Planner.STAGE, "pr-opened", now)
        .withFact(PR, pr.url(), now).withHandled(s.fact(APPROVAL).orElse(""), now);
    ctx.tracker().linkPullRequest(done.issue(), pr.url(), "PR #" + pr.number() + ": " + PullRequests.title(run.issue()));
    run.write(StatusTexts.prOpened(done, plan, pr.url(), cost, audit), done);
    ctx.tracker().setPhase(done.issue(), Phase.PR_OPENED);
    ctx.progress().accept("Pull request opened: " + pr.url());
    return new FlowResult(done.issue(), done.runId(), FlowResult.Status.PR_OPENED, pr.url(), pr.url(), null);
  }

  private dev.aegis.core.repo.PullRequestDraft redacted(dev.aegis.core.repo.PullRequestDraft d) {
    var r = tasks.secrets().redactor();
    return new dev.aegis.core.repo.PullRequestDraft(r.redact(d.title()), r.redact(d.body()), d.head(), d.base(), d.labels());
  }

  private Optional<FlowResult> stopIfAsked(RunHandle run) {
    Optional<IssueComment> stop = stopper.requested(run.state());
    return stop.map(c -> stopper.stop(run, c.author().login(), c.id()));
  }

  /** The remote branch's head, when it is this run's pushed fix (not its claim). */
  private Optional<String> pushedFix(RunState s) {
    return ctx.code().branchHead(s.branch()).filter(sha -> !sha.equals(s.claim()) && ours(sha, s));
  }

  private boolean ours(String sha, RunState s) {
    CommitInfo c = ctx.code().commit(sha);
    return Claimer.runOf(c).filter(s.runId()::equals).isPresent() && !c.message().startsWith("aegis: ");
  }

  private static String truncate(String s, int max) {
    return s.length() <= max ? s : s.substring(0, max) + "…";
  }
}
