package dev.aegis.core.flow;

import static dev.aegis.core.flow.FakeEngines.calcPlan;
import static dev.aegis.core.flow.FakeEngines.fixingCalc;
import static dev.aegis.core.flow.FakeEngines.planning;
import static org.assertj.core.api.Assertions.assertThat;

import dev.aegis.core.agent.Mode;
import dev.aegis.core.agent.Risk;
import dev.aegis.core.repo.PullRequestDraft;
import dev.aegis.core.run.Claimer;
import dev.aegis.core.tracker.Author;
import dev.aegis.core.tracker.IssueComment;
import dev.aegis.core.tracker.Permission;
import dev.aegis.core.tracker.Phase;
import dev.aegis.core.tracker.Reaction;
import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Steps 5 and 6: who may approve, and what an approval does. */
class ApprovalCommandsTest {
  @TempDir Path tmp;
  private FlowWorld world;
  private String run;

  @BeforeEach
  void planned() {
    world = FlowWorld.planned(tmp);
    run = world.state().runId();
  }

  @Test
  void anUnauthorizedProceedGetsExactlyOnePoliteRefusalEvenWhenRepeated() {
    String before = world.statusText();
    IssueComment first = world.post("mallory", "/aegis proceed " + run);

    FlowResult refused = world.deliver(first);
    world.deliver(first);
    world.comment("mallory", "/aegis proceed " + run + "\nplease!");

    assertThat(refused.status()).isEqualTo(FlowResult.Status.REFUSED);
    assertThat(world.replies()).singleElement().asString()
        .contains("Thanks, @\u200Bmallory", "Only people with write access", "not carried out");
    assertThat(world.statusText()).isEqualTo(before);
    assertThat(world.state().phase()).isEqualTo(Phase.AWAITING_APPROVAL);
    assertThat(world.aegisLabels()).containsExactly("aegis:awaiting-approval");
    assertThat(world.tracker.reactionsOn(first.id())).isEmpty();
    assertThat(world.engines.tasks()).hasSize(1);
    assertThat(world.originCommit().message()).startsWith("aegis: claim");
  }

  @Test
  void aCommandRefusedWhenMadeStaysRefusedAfterItsAuthorGainsWriteAccess() {
    IssueComment early = world.post("mallory", "/aegis proceed " + run);
    assertThat(world.deliver(early).status()).isEqualTo(FlowResult.Status.REFUSED);
    IssueComment second = world.post("mallory", "/aegis proceed " + run + " (again)");
    world.deliver(second);

    world.tracker.grant("mallory", Permission.WRITE);
    FlowResult later = world.deliver(early);
    FlowResult laterSecond = world.deliver(second);

    assertThat(later.status()).isEqualTo(FlowResult.Status.NOTHING_TO_DO);
    assertThat(laterSecond.status()).isEqualTo(FlowResult.Status.NOTHING_TO_DO);
    assertThat(world.state().phase()).isEqualTo(Phase.AWAITING_APPROVAL);
    assertThat(world.engines.tasks()).hasSize(1);
    assertThat(world.replies()).filteredOn(r -> r.contains("Only people with write access")).hasSize(1);
  }

  @Test
  void anEventThatNamesAnotherAuthorThanTheTrackerIsIgnored() {
    IssueComment byMallory = world.post("mallory", "/aegis proceed " + run);
    FlowResult forged = world.flow().comment(FlowWorld.KEY,
        new IncomingComment(byMallory.id(), Author.human("maya"), byMallory.body()));

    assertThat(forged.status()).isEqualTo(FlowResult.Status.NOTHING_TO_DO);
    assertThat(forged.detail()).contains("the tracker says mallory");
    assertThat(world.state().phase()).isEqualTo(Phase.AWAITING_APPROVAL);
    assertThat(world.code.pullRequestDrafts()).isEmpty();
  }

  @Test
  void anEventForACommentTheTrackerDoesNotHaveIsIgnored() {
    FlowResult forged = world.flow().comment(FlowWorld.KEY,
        new IncomingComment("987654321", Author.human("maya"), "/aegis proceed " + run));

    assertThat(forged.status()).isEqualTo(FlowResult.Status.NOTHING_TO_DO);
    assertThat(forged.detail()).contains("has no comment 987654321");
    assertThat(world.state().phase()).isEqualTo(Phase.AWAITING_APPROVAL);
  }

  @Test
  void commandsFromBotsAndFromAegisItselfAreIgnoredWithoutAnswer() {
    IssueComment bot = world.tracker.addCommentBy(FlowWorld.KEY, new Author("renovate[bot]", true), "/aegis proceed " + run);
    IssueComment self = world.tracker.addComment(FlowWorld.KEY, "/aegis proceed " + run);

    FlowResult fromBot = world.deliver(bot);
    FlowResult fromSelf = world.deliver(self);

    assertThat(fromBot.status()).isEqualTo(FlowResult.Status.NOTHING_TO_DO);
    assertThat(fromSelf.status()).isEqualTo(FlowResult.Status.NOTHING_TO_DO);
    assertThat(world.replies()).containsExactly("/aegis proceed " + run);
    assertThat(world.state().phase()).isEqualTo(Phase.AWAITING_APPROVAL);
  }

  @Test
  void anAuthorizedProceedPushesTheFixAndOpensALabelledPullRequestThatFixesTheIssue() {
    world.engines.then(fixingCalc());
    IssueComment approval = world.post("maya", "/aegis proceed " + run);

    FlowResult result = world.deliver(approval);

    assertThat(result.status()).isEqualTo(FlowResult.Status.PR_OPENED);
    assertThat(world.tracker.reactionsOn(approval.id())).containsExactly(Reaction.EYES);
    assertThat(world.engines.tasks().get(1).mode()).isEqualTo(Mode.FIX);
    assertThat(world.engines.tasks().get(1).task()).contains("Root cause: src/calc.sh computes $1 - $2");
    assertThat(world.originDiff()).isEqualTo("src/calc.sh");
    assertThat(Claimer.runOf(world.originCommit())).contains(run);
    assertThat(world.originCommit().message())
        .startsWith("fix: add returns the difference\n")
        .contains("add() now adds its arguments.", "\nFixes #42\n", "\nAegis-Run: " + run + "\n");
    PullRequestDraft pr = world.code.pullRequestDrafts().get(0);
    assertThat(world.code.pullRequestDrafts()).hasSize(1);
    assertThat(pr.head()).isEqualTo(FlowWorld.BRANCH);
    assertThat(pr.base()).isEqualTo("main");
    assertThat(pr.labels()).containsExactly("aegis");
    assertThat(pr.body()).startsWith("Fixes #42").contains(
        "### Root-cause analysis", "`src/calc.sh:4`: the subtraction",
        "`sh test.sh` passed:", "PASS add", "approved by @\u200Bmaya", "Cost $0.0246");
    assertThat(world.state().phase()).isEqualTo(Phase.PR_OPENED);
    assertThat(world.statusComments()).hasSize(1);
    assertThat(world.statusText()).contains("Aegis opened a pull request: " + result.prUrl());
    assertThat(world.aegisLabels()).containsExactly("aegis:pr-opened");
  }

  @Test
  void theSameProceedDeliveredTwiceImplementsOnce() {
    world.engines.then(fixingCalc());
    IssueComment approval = world.post("maya", "/aegis proceed " + run);

    world.deliver(approval);
    String head = world.originHead().orElseThrow();
    FlowResult again = world.deliver(approval);
    FlowResult secondApproval = world.comment("maya", "/aegis proceed " + run);

    assertThat(again.status()).isEqualTo(FlowResult.Status.NOTHING_TO_DO);
    assertThat(secondApproval.status()).isEqualTo(FlowResult.Status.NOTHING_TO_DO);
    assertThat(world.engines.tasks()).hasSize(2);
    assertThat(world.code.pullRequestDrafts()).hasSize(1);
    assertThat(world.originHead()).contains(head);
    assertThat(world.statusComments()).hasSize(1);
    assertThat(world.aegisLabels()).containsExactly("aegis:pr-opened");
  }

  @Test
  void aProceedPostedBeforeThePlanExistsIsAnsweredAndDoesNotApproveThePlanLater() {
    FlowWorld fresh = FlowWorld.create(tmp.resolve("fresh"));
    AtomicReference<IssueComment> early = new AtomicReference<>();
    AtomicReference<FlowResult> answer = new AtomicReference<>();
    fresh.engines.then(task -> {
      early.set(fresh.post("maya", "/aegis proceed " + fresh.state().runId()));
      answer.set(fresh.deliver(early.get()));
      return planning(calcPlan(Risk.HIGH)).run(task);
    });
    fresh.claimAndPlan();

    FlowResult polledLater = fresh.deliver(early.get());

    assertThat(answer.get().status()).isEqualTo(FlowResult.Status.NOTHING_TO_DO);
    assertThat(fresh.replies()).singleElement().asString().contains("no plan to approve yet");
    assertThat(polledLater.status()).isEqualTo(FlowResult.Status.NOTHING_TO_DO);
    assertThat(fresh.state().phase()).isEqualTo(Phase.AWAITING_APPROVAL);
    assertThat(fresh.code.pullRequestDrafts()).isEmpty();
  }

  @Test
  void aListedApproverWithoutWriteAccessMayApprove() {
    world.settings.put("approvers", "Ops-Oncall");
    world.engines.then(fixingCalc());

    FlowResult result = world.comment("ops-oncall", "/aegis proceed " + run);

    assertThat(result.status()).isEqualTo(FlowResult.Status.PR_OPENED);
    assertThat(world.replies()).isEmpty();
  }

  @Test
  void aProceedForAnotherRunIdIsAnsweredOnceAndChangesNothing() {
    IssueComment wrong = world.post("maya", "/aegis proceed 42-zzzzzz");

    world.deliver(wrong);
    world.deliver(wrong);

    assertThat(world.replies()).singleElement().asString()
        .contains("There is no Aegis run `42-zzzzzz` on this issue", "The latest run here is `" + run + "`");
    assertThat(world.state().phase()).isEqualTo(Phase.AWAITING_APPROVAL);
    assertThat(world.engines.tasks()).hasSize(1);
  }
}
