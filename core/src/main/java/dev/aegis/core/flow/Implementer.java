package dev.aegis.core.flow;

import dev.aegis.core.agent.EngineResult;
import dev.aegis.core.agent.FixReport;
import dev.aegis.core.agent.PlanReport;
import dev.aegis.core.git.GitException;
import dev.aegis.core.git.Checkout;
import dev.aegis.core.model.ModelException;
import dev.aegis.core.policy.CommandSandbox;
import dev.aegis.core.repo.CommitInfo;
import dev.aegis.core.repo.PullRequest;
import dev.aegis.core.repo.PullRequestRefusedException;
import dev.aegis.core.tracker.TrackerException;
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
  static final String FILES = "files";
  static final String LEFT_OUT = "left-out";
  static final String RESTORED = "restored";
  static final String IGNORED = "ignored";
  /**
   * Set on a run blocked after its fix was pushed because the pull request could not be opened (a repository
   * setting, a token permission): the next approval or re-run job opens it from the pushed branch.
   */
  static final String PR_REFUSED = "pr-refused";

  private final FlowContext ctx;
  private final Tasks tasks;
  private final Endings endings;
  private final Stopper stopper;
  private final ProjectTests tests;
  private final PlanCodec plans = new PlanCodec();
  private final ImplementationLock lock;

  Implementer(FlowContext ctx, Endings endings, Stopper stopper) {
    this.ctx = ctx;
    this.tasks = new Tasks(ctx.agent());
    this.endings = endings;
    this.stopper = stopper;
    this.tests = new ProjectTests(ctx);
    this.lock = new ImplementationLock(ctx);
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

  /**
   * Implements the approved plan. The implementation is taken first ({@link ImplementationLock}): a job that
   * does not get it writes nothing at all, so concurrent deliveries of one approval give one implementation.
   */
  FlowResult implement(RunHandle run, String approvalId, String approver) {
    RunState before = run.state();
    boolean pushed = pushedFix(before).isPresent();
    String implementation = "";
    if (!pushed) {
      if (ctx.engines().sandbox().isolation() == CommandSandbox.Isolation.NONE
          && !tasks.policy().sandbox().allowUnisolated()) {
        return endings.block(run, "Aegis cannot isolate commands on this machine ("
            + ctx.engines().sandbox().whyNone() + "), so it will not run the agent or the project's tests here.",
            "run Aegis where Linux namespaces work (see the README's sandbox section), or accept the risk with "
                + "`sandbox.allow-unisolated: true` in .aegis/config.yml, then approve again.");
      }
      Optional<String> taken = lock.take(before, approvalId);
      if (taken.isEmpty()) {
        ctx.progress().accept("Another job is implementing run " + before.runId() + "; this one leaves it alone");
        return FlowResult.of(before.issue(), before.runId(), FlowResult.Status.NOTHING_TO_DO,
            "another job is implementing run " + before.runId());
      }
      implementation = taken.get();
    }
    Optional<PlanReport> plan = approve(run, approvalId, approver);
    if (plan.isEmpty()) {
      return endings.block(run, "the approved plan is missing from the run's status comment",
          "run `/aegis ask " + run.state().runId() + " <detail>` to plan again.");
    }
    if (pushed) {
      ctx.progress().accept("The fix of run " + before.runId() + " is already pushed; opening the pull request");
      return pullRequest(run, plan.get());
    }
    return fixTestAndPush(run, plan.get(), implementation);
  }

  private FlowResult fixTestAndPush(RunHandle run, PlanReport plan, String implementation) {
    RunState s = run.state();
    Optional<FlowResult> stopped = stopIfAsked(run);
    if (stopped.isPresent()) {
      return stopped.get();
    }
    Checkout ws = ctx.checkout();
    try {
      ws.fetch(s.branch(), ctx.pushToken());
      ws.checkoutFresh(s.branch(), implementation);
    } catch (GitException e) {
      return endings.block(run, "the workspace could not check out " + s.branch() + " from origin (" + e.getMessage() + ")",
          "check that the workflow checks out the repository and that the token can read it.");
    }
    // the heartbeat covers the project's tests and the push too: a test suite slower than the claim grace
    // period must not make the run look dead to other jobs (a second implementation) or to stale recovery
    try (AutoCloseable beat = run.heartbeat(Duration.ofSeconds(Math.max(20, ctx.config().claimGrace().toSeconds() / 3)))) {
      return fixAndTest(run, plan, ws, implementation);
    } catch (ModelException e) {
      return endings.block(run, "the model could not be used: " + e.getMessage(), "fix the model settings, then approve again.");
    } catch (Exception e) {
      throw Endings.unchecked(e);
    }
  }

  private FlowResult fixAndTest(RunHandle run, PlanReport plan, Checkout ws, String implementation) {
    RunState s = run.state();
    Optional<ProjectTests.Result> setup = tests.setup();
    if (setup.isPresent() && !setup.get().passed()) {
      return endings.block(run, ProjectTests.setupFailed(setup.get()), "fix `setup-command` in .aegis/config.yml"
          + " (or set the toolchain up in a workflow step before Aegis), then approve again.");
    }
    Instant started = ctx.clock().instant();
    EngineResult result = ctx.engines().engine(ctx.config(), ctx.environment(), ctx.progress()::accept).run(tasks.fix(
        run.issue(), s.runId(), plan.rootCause(), plan.fixPlan(), plan.testPlan(), tests.command().orElse("")));
    Duration took = Duration.between(started, ctx.clock().instant());
    Optional<FixReport> fix = result.fix();
    if (fix.isEmpty()) {
      return endings.block(run, "the fix run stopped before finishing. " + result.stop().explain(),
          "raise the budget or narrow the plan with `/aegis ask " + s.runId() + " <detail>`.");
    }
    if (!ws.dirty()) {
      return endings.block(run, "the agent finished without changing any file.", "add detail with `/aegis ask`, then approve again.");
    }
    CommitGate.Selection selection = gate().select(ws, fix.get().filesOfTheFix());
    if (!selection.refused().isEmpty()) {
      return endings.block(run, "the fix changes paths Aegis never commits, so nothing was pushed:\n\n"
          + bullets(selection.refused()), "protected paths (workflows, Aegis's configuration, CODEOWNERS, the"
          + " repository itself) are changed by people, not by Aegis; narrow the plan with `/aegis ask " + s.runId()
          + " <detail>`.");
    }
    if (selection.commit().isEmpty()) {
      java.util.List<String> others = new java.util.ArrayList<>(selection.leftOut());
      others.addAll(selection.restored());
      return endings.block(run, "the agent changed no file of the fix; only files commands left behind ("
          + String.join(", ", others) + ").", "add detail with `/aegis ask " + s.runId() + " <detail>`.");
    }
    // staged before the project's tests run: what the tests write afterwards cannot reach the commit; what
    // commands changed in tracked files besides the fix is put back, so the tests run on what is committed
    ws.stage(selection.commit());
    ws.restore(selection.restored());
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
    return commitAndPush(run, plan, ws, fix.get(), tested.get(), new AgentRun(result, took), selection, implementation);
  }

  private CommitGate gate() {
    return new CommitGate(dev.aegis.core.policy.Workspace.open(ctx.workspace(), tasks.policy()),
        ctx.config().list(dev.aegis.core.config.ConfigKeys.EXECUTABLES));
  }

  private static String bullets(java.util.List<String> lines) {
    return lines.stream().map(l -> "- `" + SafeMarkdown.code(l) + "`").collect(java.util.stream.Collectors.joining("\n"));
  }

  private FlowResult commitAndPush(RunHandle run, PlanReport plan, Checkout ws, FixReport fix,
      ProjectTests.Result tested, AgentRun agent, CommitGate.Selection selection, String implementation) {
    RunState s = run.state();
    Instant now = ctx.clock().instant();
    EngineResult result = agent.result();
    RunState recorded = RunTotals.add(s, result, agent.took(), now).withFact(FIX_SUMMARY, truncate(fix.summary(), 2000), now)
        .withFact(TEST_COMMAND, tested.command(), now).withFact(TEST_TAIL, truncate(tested.tail(), 3000), now)
        .withFact(Planner.AUDIT, result.auditFinalHash(), now)
        .withFact(Planner.ISOLATION, result.isolation(), now)
        .withFact(FILES, truncate(String.join("\n", selection.commit()), 3000), now)
        .withFact(LEFT_OUT, truncate(String.join("\n", selection.leftOut()), 1000), now)
        .withFact(RESTORED, truncate(String.join("\n", selection.restored()), 1000), now)
        .withFact(IGNORED, truncate(String.join("\n", selection.ignored()), 1000), now);
    run.write(StatusTexts.implementing(recorded, plan), recorded);
    String commit = ws.commitStaged(tasks.secrets().redactor().redact(PullRequests.commitMessage(run.issue(), recorded, fix)));
    java.util.List<String> committed = ws.filesOf(commit);
    java.util.List<String> refused = gate().refusals(committed);
    if (!refused.isEmpty() || !new java.util.HashSet<>(selection.commit()).containsAll(committed)) {
      return endings.block(run, "the fix commit holds paths that were not chosen for it, so nothing was pushed:\n\n"
          + bullets(refused.isEmpty() ? committed : refused), "report this to the Aegis maintainers.");
    }
    String head = ctx.code().branchHead(s.branch()).orElse("");
    if (!head.equals(implementation)) {
      return endings.block(run, "someone else pushed to " + s.branch() + " during the run, so Aegis did not overwrite it.",
          "delete the branch or remove the aegis:blocked label to start again.");
    }
    try {
      // a fast-forward from the implementing commit: git refuses it if the branch moved meanwhile (no force)
      ws.push(s.branch(), ctx.pushToken());
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
    PullRequest pr;
    try {
      // createPullRequest returns (and labels) the pull request a crashed job already opened from the branch
      pr = ctx.code().createPullRequest(
          redacted(PullRequests.draft(run.issue(), s, plan, s.fact(FIX_SUMMARY).orElse(""), tested, cost, audit)));
    } catch (PullRequestRefusedException e) {
      return pullRequestRefused(run, e.getMessage(), e.remedy());
    } catch (TrackerException e) {
      if (!e.forbidden() && e.status() != 404) {
        throw e; // transient (rate limit, 5xx, no answer): the run stays implementing and a later job resumes it
      }
      return pullRequestRefused(run, e.getMessage(), "Give the token `pull-requests: write` (the workflow's "
          + "`permissions:`, or the fine-grained token's \"Pull requests: Read and write\").");
    }
    Instant now = ctx.clock().instant();
    RunState done = s.withPhase(Phase.PR_OPENED, now).withFact(Planner.STAGE, "pr-opened", now)
        .withFact(PR, pr.url(), now).withHandled(s.fact(APPROVAL).orElse(""), now);
    ctx.tracker().linkPullRequest(done.issue(), pr.url(), "PR #" + pr.number() + ": " + PullRequests.title(run.issue()));
    run.write(StatusTexts.prOpened(done, plan, pr.url(), cost, audit), done);
    ctx.tracker().setPhase(done.issue(), Phase.PR_OPENED);
    ctx.progress().accept("Pull request opened: " + pr.url());
    return new FlowResult(done.issue(), done.runId(), FlowResult.Status.PR_OPENED, pr.url(), pr.url(), null);
  }

  /**
   * Ends the run blocked when the pull request cannot be opened although the fix is pushed: the note names the
   * branch and what to change, and the run remembers it, so the approval's re-run job (or a new approval) opens
   * the pull request from the pushed branch without redoing the fix.
   */
  private FlowResult pullRequestRefused(RunHandle run, String why, String remedy) {
    RunState s = run.state();
    String reason = why.strip() + "\n\nThe fix passed the tests and is pushed to `" + s.branch()
        + "`; only the pull request is missing.";
    String next = remedy + " Then re-run the job that failed, or comment `/aegis proceed " + s.runId()
        + "`: Aegis opens the pull request from `" + s.branch() + "` without redoing the fix.";
    return endings.block(run, reason, next, java.util.Map.of(PR_REFUSED, truncate(why.strip(), 500)));
  }

  /** True when {@code s} is blocked only because its pushed fix still needs its pull request. */
  boolean awaitsPullRequest(RunState s) {
    return s.phase() == Phase.BLOCKED && s.fact(PR_REFUSED).isPresent() && pushedFix(s).isPresent();
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

  /** One agent run and how long it took. */
  private record AgentRun(EngineResult result, Duration took) {}

  private static String truncate(String s, int max) {
    return s.length() <= max ? s : s.substring(0, max) + "…";
  }
}
