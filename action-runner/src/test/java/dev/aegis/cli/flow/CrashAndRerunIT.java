package dev.aegis.cli.flow;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.aegis.cli.ExitCodes;
import dev.aegis.core.run.RunState;
import dev.aegis.core.tracker.Phase;
import dev.aegis.testkit.hold.HeldRequest;
import dev.aegis.testkit.model.ScriptedModelServer;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Kill the job at each step of a run (SIGKILL while one request of the step is parked at the fake), then
 * run the same event again, as a re-run job does: the run converges to one status comment, one branch,
 * at most one pull request and the right labels. The parked request is dropped, so the step it began never
 * happened on GitHub's side.
 */
class CrashAndRerunIT extends InJarWorld {
  private static final String COMMENTS = "/repos/{owner}/{repo}/issues/{issue_number}/comments";
  private static final String COMMENT = "/repos/{owner}/{repo}/issues/comments/{comment_id}";
  private static final String LABELS = "/repos/{owner}/{repo}/issues/{issue_number}/labels";
  private static final String PULLS = "/repos/{owner}/{repo}/pulls";
  private static final String LABEL = "/repos/{owner}/{repo}/issues/{issue_number}/labels/{name}";
  private static final Duration ARRIVAL = Duration.ofSeconds(60);
  /** A model that must not be asked anything: a re-run that plans or fixes again ends blocked on it. */
  private static final String NO_STEPS = "{\"steps\": []}";

  private Map<String, String> noModel;

  @BeforeEach
  void setUp() {
    noModel = world.scripted("no-steps", NO_STEPS);
  }

  /** Starts the job, waits until {@code held} parks its request, kills the job, drops the request. */
  private void killAt(HeldRequest held, Job job) {
    try {
      held.awaitArrival(ARRIVAL);
    } catch (AssertionError e) {
      job.kill();
      throw new AssertionError(e.getMessage() + "; the job's output:\n" + job.output(), e);
    }
    job.kill();
    held.drop();
  }

  private String planned() {
    world.run("issues", world.labeled(), world.scripted("plan", Scripts.PLAN)).expectExit(ExitCodes.OK);
    return world.state().runId();
  }

  @Test
  void killedAfterWinningTheClaimRefBeforeTheStatusComment() {
    HeldRequest statusComment = world.fake.holdNext("POST", COMMENTS, "aegis:state");
    killAt(statusComment, world.start("issues", world.labeled(), world.scripted("plan", Scripts.PLAN)));
    String claim = world.git("log", "-1", "--format=%B", JarWorld.BRANCH);
    assertThat(claim).startsWith("aegis: claim");
    assertThat(world.comments()).isEmpty();
    assertThat(world.aegisLabels()).isEmpty();

    world.run("issues", world.labeled(), world.scripted("plan", Scripts.PLAN), JarWorld.RERUN).expectExit(ExitCodes.OK);

    world.assertConverged(Phase.AWAITING_APPROVAL, 0);
    assertThat(claim).contains("Aegis-Run: " + world.state().runId());
    assertThat(world.git("log", "--format=%s", JarWorld.BRANCH)).startsWith("aegis: adopt github:#1\naegis: claim github:#1\n");
  }

  @Test
  void killedAfterTheStatusCommentBeforeTheInProgressLabel() {
    HeldRequest label = world.fake.holdNext("POST", LABELS, "aegis:in-progress");
    killAt(label, world.start("issues", world.labeled(), world.scripted("plan", Scripts.PLAN)));
    RunState claimed = world.state();
    assertThat(claimed.phase()).isEqualTo(Phase.IN_PROGRESS);
    assertThat(world.aegisLabels()).isEmpty();

    world.run("issues", world.labeled(), world.scripted("plan", Scripts.PLAN), JarWorld.RERUN).expectExit(ExitCodes.OK);

    world.assertConverged(Phase.AWAITING_APPROVAL, 0);
    assertThat(world.state().runId()).isEqualTo(claimed.runId());
  }

  @Test
  void killedWhileThePlanWaitsForTheModel() {
    try (ScriptedModelServer model = ScriptedModelServer.start(Scripts.PLAN)) {
      HeldRequest firstModelCall = model.holdNext();
      killAt(firstModelCall, world.start("issues", world.labeled(), JarWorld.overHttp(model)));
      assertThat(world.state().phase()).isEqualTo(Phase.IN_PROGRESS);
      assertThat(world.aegisLabels()).containsExactly("aegis:in-progress");

      world.run("issues", world.labeled(), JarWorld.overHttp(model), JarWorld.RERUN).expectExit(ExitCodes.OK);

      world.assertConverged(Phase.AWAITING_APPROVAL, 0);
      assertThat(world.statusText()).contains("`src/calc.sh:4`: the subtraction");
      assertThat(model.remainingSteps()).isZero();
      assertThat(model.failures()).isEmpty();
    }
  }

  @Test
  void killedAfterTheRcaBeforeTheAwaitingApprovalLabel() {
    HeldRequest label = world.fake.holdNext("POST", LABELS, "aegis:awaiting-approval");
    killAt(label, world.start("issues", world.labeled(), world.scripted("plan", Scripts.PLAN)));
    assertThat(world.state().phase()).isEqualTo(Phase.AWAITING_APPROVAL);
    assertThat(world.aegisLabels()).containsExactly("aegis:in-progress");
    String rca = world.statusText();

    world.run("issues", world.labeled(), noModel, JarWorld.RERUN).expectExit(ExitCodes.OK);

    world.assertConverged(Phase.AWAITING_APPROVAL, 0);
    assertThat(world.statusText()).isEqualTo(rca);
  }

  @Test
  void killedWhileTheReplanOfAnAskWaitsForTheModel() {
    String run = planned();
    try (ScriptedModelServer model = ScriptedModelServer.start(Scripts.PLAN)) {
      ObjectNode ask = world.comment("maya", "/aegis ask " + run + " does sub() have the same bug?");
      HeldRequest firstModelCall = model.holdNext();
      killAt(firstModelCall, world.start("issue_comment", ask, JarWorld.overHttp(model)));
      assertThat(world.state().phase()).isEqualTo(Phase.IN_PROGRESS);

      world.run("issue_comment", ask, JarWorld.overHttp(model), JarWorld.RERUN).expectExit(ExitCodes.OK);

      world.assertConverged(Phase.AWAITING_APPROVAL, 0);
      assertThat(model.requests()).isNotEmpty()
          .allSatisfy(r -> assertThat(r.body()).contains("From maya: does sub() have the same bug?"));
      assertThat(model.remainingSteps()).isZero();
    }
  }

  @Test
  void killedAfterTheApprovalWhileTheFixWaitsForTheModel() {
    String run = planned();
    try (ScriptedModelServer model = ScriptedModelServer.start(Scripts.FIX)) {
      ObjectNode approval = world.comment("maya", "/aegis proceed " + run);
      HeldRequest firstModelCall = model.holdNext();
      killAt(firstModelCall, world.start("issue_comment", approval, JarWorld.overHttp(model)));
      assertThat(world.state().fact("stage")).contains("implementing");
      assertThat(world.aegisLabels()).containsExactly("aegis:in-progress");

      world.run("issue_comment", approval, JarWorld.overHttp(model), JarWorld.RERUN).expectExit(ExitCodes.OK);

      world.assertConverged(Phase.PR_OPENED, 1);
      assertThat(world.git("diff", "--name-only", "main", JarWorld.BRANCH)).isEqualTo("src/calc.sh\n");
      assertThat(model.remainingSteps()).isZero();
      assertThat(model.failures()).isEmpty();
    }
  }

  @Test
  void killedAfterPushingTheFixBeforeOpeningThePullRequest() {
    String run = planned();
    ObjectNode approval = world.comment("maya", "/aegis proceed " + run);
    HeldRequest pullRequest = world.fake.holdNext("POST", PULLS);
    killAt(pullRequest, world.start("issue_comment", approval, world.scripted("fix", Scripts.FIX)));
    String pushed = world.branchHead().orElseThrow();
    assertThat(world.git("log", "-1", "--format=%s", pushed)).startsWith("fix: ");
    assertThat(world.pulls()).isEmpty();

    world.run("issue_comment", approval, noModel, JarWorld.RERUN).expectExit(ExitCodes.OK);

    world.assertConverged(Phase.PR_OPENED, 1);
    assertThat(world.branchHead()).contains(pushed);
    assertThat(world.pulls().get(0).labels()).containsExactly("aegis");
  }

  @Test
  void killedAfterOpeningThePullRequestBeforeLabellingIt() {
    String run = planned();
    ObjectNode approval = world.comment("maya", "/aegis proceed " + run);
    HeldRequest prLabel = world.fake.holdNext("POST", LABELS, "[\"aegis\"]");
    killAt(prLabel, world.start("issue_comment", approval, world.scripted("fix", Scripts.FIX)));
    assertThat(world.pulls()).singleElement().satisfies(pr -> assertThat(pr.labels()).isEmpty());

    world.run("issue_comment", approval, noModel, JarWorld.RERUN).expectExit(ExitCodes.OK);

    world.assertConverged(Phase.PR_OPENED, 1);
    assertThat(world.pulls().get(0).labels()).containsExactly("aegis");
  }

  @Test
  void killedAfterOpeningThePullRequestBeforeTheFinalStatusEdit() {
    String run = planned();
    ObjectNode approval = world.comment("maya", "/aegis proceed " + run);
    HeldRequest finalStatus = world.fake.holdNext("PATCH", COMMENT, "PR_OPENED");
    killAt(finalStatus, world.start("issue_comment", approval, world.scripted("fix", Scripts.FIX)));
    assertThat(world.pulls()).hasSize(1);
    assertThat(world.state().phase()).isEqualTo(Phase.IN_PROGRESS);

    world.run("issue_comment", approval, noModel, JarWorld.RERUN).expectExit(ExitCodes.OK);

    world.assertConverged(Phase.PR_OPENED, 1);
    assertThat(world.statusText()).contains("Aegis opened a pull request", "/pull/" + world.pulls().get(0).number());
  }

  @Test
  void killedAfterRecordingAStopBeforeCleaningUp() {
    String run = planned();
    ObjectNode stop = world.comment("maya", "/aegis stop " + run);
    HeldRequest phaseLabel = world.fake.holdNext("DELETE", LABEL);
    killAt(phaseLabel, world.start("issue_comment", stop, noModel));
    assertThat(world.state().fact("stage")).contains("stopped");

    world.run("issue_comment", stop, noModel, JarWorld.RERUN).expectExit(ExitCodes.OK);

    world.assertConverged(Phase.NONE, 0);
    assertThat(world.aegisBranches()).isEmpty();
    assertThat(world.labels()).containsExactly("bug");
  }

  @Test
  void killedAfterRecordingABlockedRunBeforeMovingItsLabel() {
    String run = planned();
    ObjectNode approval = world.comment("maya", "/aegis proceed " + run);
    HeldRequest blockedLabel = world.fake.holdNext("POST", LABELS, "aegis:blocked");
    killAt(blockedLabel, world.start("issue_comment", approval, world.scripted("wrong-fix", Scripts.WRONG_FIX)));
    assertThat(world.state().phase()).isEqualTo(Phase.BLOCKED);
    String evidence = world.statusText();

    world.run("issue_comment", approval, noModel, JarWorld.RERUN).expectExit(ExitCodes.OK);

    world.assertConverged(Phase.BLOCKED, 0);
    assertThat(world.statusText()).isEqualTo(evidence).contains("FAIL add: expected 5, got 6");
  }
}
