package dev.aegis.cli.flow;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.aegis.cli.ExitCodes;
import dev.aegis.core.tracker.Phase;
import dev.aegis.testkit.github.FakeGitHub;
import dev.aegis.testkit.github.FakeIssue;
import dev.aegis.testkit.model.ScriptedModelServer;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The plan-first loop end to end: each event is a separate {@code java -jar aegis.jar action} process against
 * a fake GitHub whose repository is the workspace's real git {@code origin}.
 */
class PlanFirstFlowIT extends InJarWorld {
  @Test
  void aReadyBugGoesFromRcaPastARefusalToAnApprovedFixAndALabelledPullRequest() {
    try (ScriptedModelServer model = ScriptedModelServer.start(Scripts.concat(Scripts.PLAN, Scripts.FIX_WITH_TEST))) {
      Map<String, String> llm = JarWorld.overHttp(model);

      world.run("issues", world.labeled(), llm).expectExit(ExitCodes.OK);

      String run = world.state().runId();
      world.assertConverged(Phase.AWAITING_APPROVAL, 0);
      assertThat(world.statusText()).contains("root-cause analysis: awaiting approval",
          "add() in src/calc.sh computes $1 - $2", "`src/calc.sh:4`: the subtraction", "| low |",
          "`/aegis proceed " + run + "`", "`/aegis stop " + run + "`", "`/aegis ask " + run);
      assertThat(world.aegisBranches()).containsExactly(JarWorld.BRANCH);
      assertThat(world.git("log", "-1", "--format=%B", JarWorld.BRANCH)).startsWith("aegis: claim github:#1");
      int planRequests = model.requests().size();

      world.run("issue_comment", world.comment("mallory", "/aegis proceed " + run), llm).expectExit(ExitCodes.OK);

      assertThat(world.replies()).singleElement().asString().contains("Thanks, @\u200Bmallory", "not carried out");
      assertThat(model.requests()).hasSize(planRequests);
      world.assertConverged(Phase.AWAITING_APPROVAL, 0);

      ObjectNode approval = world.comment("maya", "/aegis proceed " + run);
      Job implementing = world.start("issue_comment", approval, llm);
      Job.Result implemented = implementing.await(JarWorld.JOB_TIMEOUT).expectExit(ExitCodes.OK);

      world.assertConverged(Phase.PR_OPENED, 1);
      assertThat(world.repo.reactions(approval.path("comment").path("id").asLong()))
          .contains(FakeGitHub.ACTIONS_BOT + ":eyes");
      assertThat(world.git("diff", "--name-only", "main", JarWorld.BRANCH)).isEqualTo("src/calc.sh\ntest.sh\n");
      assertThat(world.git("show", JarWorld.BRANCH + ":src/calc.sh")).contains("echo $(( $1 + $2 ))");
      assertThat(world.git("show", JarWorld.BRANCH + ":test.sh")).contains("add -2 3");
      assertThat(world.git("log", "-1", "--format=%B", JarWorld.BRANCH))
          .startsWith("fix: add returns the difference").contains("Fixes #1", "Aegis-Run: " + run);
      FakeIssue pr = world.pulls().get(0);
      assertThat(pr.labels()).containsExactly("aegis");
      assertThat(pr.author()).isEqualTo(FakeGitHub.ACTIONS_BOT);
      assertThat(pr.body()).startsWith("Fixes #1").contains("### Root-cause analysis", "`sh test.sh` passed:",
          "PASS add with a negative", "PASS add", "approved by @\u200Bmaya");
      assertThat(world.statusText()).contains("Aegis opened a pull request", "/pull/" + pr.number());
      assertThat(world.labels()).contains("bug", "ready to implement", "aegis:pr-opened");
      assertThat(model.failures()).isEmpty();
      assertThat(model.remainingSteps()).isZero();
      assertThat(model.requests()).allSatisfy(r ->
          assertThat(r.header("Authorization")).isEqualTo("Bearer " + JarWorld.MODEL_KEY));
      assertThat(world.everythingPublished()).doesNotContain(world.token, JarWorld.MODEL_KEY);
      assertThat(implemented.output().lines().filter(l -> !l.startsWith("::add-mask::")))
          .noneMatch(l -> l.contains(world.token) || l.contains(JarWorld.MODEL_KEY));
      assertThat(implementing.workspace().resolve(".git/config")).content().doesNotContain(world.token);
    }
  }

  @Test
  void commandsFromBotsAndFromAegisItselfAreIgnoredBeforeAnyRequest() {
    ObjectNode bot = world.comment("renovate[bot]", "/aegis proceed 1-abcdef");
    bot.withObjectProperty("comment").withObjectProperty("user").put("type", "Bot");
    ObjectNode self = world.comment(FakeGitHub.ACTIONS_BOT, "/aegis proceed 1-abcdef");
    self.withObjectProperty("comment").withObjectProperty("user").put("type", "Bot");

    Job.Result fromBot = world.run("issue_comment", bot, Map.of()).expectExit(ExitCodes.OK);
    Job.Result fromSelf = world.run("issue_comment", self, Map.of()).expectExit(ExitCodes.OK);

    assertThat(fromBot.output()).contains("bots and Aegis itself are ignored");
    assertThat(fromSelf.output()).contains("bots and Aegis itself are ignored");
    assertThat(world.fake.requests()).isEmpty();
  }

  @Test
  void stopWhileAwaitingApprovalRemovesTheBranchWithdrawsReadyAndOpensNothing() {
    world.run("issues", world.labeled(), world.scripted("plan", Scripts.PLAN)).expectExit(ExitCodes.OK);
    String run = world.state().runId();

    world.run("issue_comment", world.comment("maya", "/aegis stop " + run), Map.of()).expectExit(ExitCodes.OK);

    world.assertConverged(Phase.NONE, 0);
    assertThat(world.aegisBranches()).isEmpty();
    assertThat(world.labels()).containsExactly("bug");
    assertThat(world.statusText()).contains("Aegis stopped this run", "stopped by @\u200Bmaya");
  }

  @Test
  void askReplansWithTheMaintainersContextInTheModelsRequest() {
    try (ScriptedModelServer model = ScriptedModelServer.start(Scripts.concat(Scripts.PLAN, Scripts.PLAN))) {
      Map<String, String> llm = JarWorld.overHttp(model);
      world.run("issues", world.labeled(), llm).expectExit(ExitCodes.OK);
      String run = world.state().runId();
      int firstPlan = model.requests().size();

      world.run("issue_comment", world.comment("maya", "/aegis ask " + run + " does sub() have the same bug?"), llm)
          .expectExit(ExitCodes.OK);

      assertThat(model.requests().get(firstPlan).body()).contains("From maya: does sub() have the same bug?");
      assertThat(model.requests().get(0).body()).doesNotContain("does sub()");
      assertThat(world.state().runId()).isEqualTo(run);
      world.assertConverged(Phase.AWAITING_APPROVAL, 0);
      assertThat(model.failures()).isEmpty();
    }
  }

  @Test
  void failingTestsAfterTheFixEndTheRunBlockedWithTheEvidenceAndNothingPushed() {
    world.run("issues", world.labeled(), world.scripted("plan", Scripts.PLAN)).expectExit(ExitCodes.OK);
    String run = world.state().runId();
    String claim = world.branchHead().orElseThrow();

    Job.Result blocked = world.run("issue_comment", world.comment("maya", "/aegis proceed " + run),
        world.scripted("wrong-fix", Scripts.WRONG_FIX));

    blocked.expectExit(ExitCodes.BLOCKED);
    world.assertConverged(Phase.BLOCKED, 0);
    // the branch moved only to the implementing commit that took the approval: no change of the fix on it
    String head = world.branchHead().orElseThrow();
    assertThat(world.git("log", "-1", "--format=%s", head)).startsWith("aegis: implement");
    assertThat(world.git("rev-parse", head + "^{tree}")).isEqualTo(world.git("rev-parse", claim + "^{tree}"));
    assertThat(world.statusText()).contains("The tests fail with the fix (`sh test.sh`)", "FAIL add: expected 5, got 6");
  }
}
