package dev.aegis.core.flow;

import static dev.aegis.core.flow.FakeEngines.calcPlan;
import static dev.aegis.core.flow.FakeEngines.fixing;
import static dev.aegis.core.flow.FakeEngines.fixingCalc;
import static dev.aegis.core.flow.FakeEngines.planning;
import static org.assertj.core.api.Assertions.assertThat;

import dev.aegis.core.agent.Engine;
import dev.aegis.core.agent.Evidence;
import dev.aegis.core.agent.PlanReport;
import dev.aegis.core.agent.Risk;
import dev.aegis.core.tracker.IssueComment;
import dev.aegis.core.tracker.Phase;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code /aegis stop} cancels without leaving a pull request; {@code /aegis ask} re-plans with more context. */
class StopAndAskTest {
  @TempDir Path tmp;
  private FlowWorld world;
  private String run;

  @BeforeEach
  void planned() {
    world = FlowWorld.planned(tmp);
    run = world.state().runId();
  }

  @Test
  void stopWhileAwaitingApprovalRemovesTheBranchAndWithdrawsTheReadyLabel() {
    FlowResult result = world.comment("maya", "/aegis stop " + run);

    assertThat(result.status()).isEqualTo(FlowResult.Status.STOPPED);
    assertThat(world.originHead()).isEmpty();
    assertThat(world.code.pullRequestDrafts()).isEmpty();
    assertThat(world.labels()).containsExactly("bug");
    assertThat(world.state().phase()).isEqualTo(Phase.NONE);
    assertThat(world.statusComments()).hasSize(1);
    assertThat(world.statusText()).contains("Aegis stopped this run", "stopped by @\u200Bmaya",
        "add the `ready to implement` label back");
  }

  @Test
  void aStopPostedWhileTheFixIsBeingMadeLeavesNoPushAndNoPullRequest() {
    Engine fixThenStopArrives = task -> {
      world.post("maya", "/aegis stop " + run);
      return fixingCalc().run(task);
    };
    world.engines.then(fixThenStopArrives);

    FlowResult result = world.comment("maya", "/aegis proceed " + run);

    assertThat(result.status()).isEqualTo(FlowResult.Status.STOPPED);
    assertThat(world.originHead()).isEmpty();
    assertThat(world.code.pullRequestDrafts()).isEmpty();
    assertThat(world.state().phase()).isEqualTo(Phase.NONE);
    assertThat(world.aegisLabels()).isEmpty();
  }

  @Test
  void aStopOnABlockedRunCancelsItAndFreesTheIssue() {
    world.engines.then(fixing(Map.of(), "Nothing to change."));
    assertThat(world.comment("maya", "/aegis proceed " + run).status()).isEqualTo(FlowResult.Status.BLOCKED);

    FlowResult stopped = world.comment("maya", "/aegis stop " + run);

    assertThat(stopped.status()).isEqualTo(FlowResult.Status.STOPPED);
    assertThat(world.state().phase()).isEqualTo(Phase.NONE);
    assertThat(world.originHead()).isEmpty();
    assertThat(world.labels()).containsExactly("bug");
  }

  @Test
  void anUnauthorizedStopDuringTheFixIsNotHonoured() {
    Engine fixWhileMalloryStops = task -> {
      world.post("mallory", "/aegis stop " + run);
      return fixingCalc().run(task);
    };
    world.engines.then(fixWhileMalloryStops);

    FlowResult result = world.comment("maya", "/aegis proceed " + run);

    assertThat(result.status()).isEqualTo(FlowResult.Status.PR_OPENED);
  }

  @Test
  void askReplansWithTheExtraContextInTheModelsTask() {
    PlanReport second = new PlanReport("add() fails for negative numbers too.", "the subtraction in add()",
        List.of(new Evidence("src/calc.sh", 4, "still the subtraction")), "Use +.", "Add add -2 3.", Risk.LOW);
    world.engines.then(planning(second));

    FlowResult result = world.comment("maya", "/aegis ask " + run + " does it also break for negative numbers?");

    assertThat(result.status()).isEqualTo(FlowResult.Status.AWAITING_APPROVAL);
    assertThat(world.engines.tasks()).hasSize(2);
    assertThat(world.engines.tasks().get(1).task())
        .contains("A maintainer added this context (via /aegis ask)", "From maya: does it also break for negative numbers?");
    assertThat(world.state().runId()).isEqualTo(run);
    assertThat(world.statusComments()).hasSize(1);
    assertThat(world.statusText()).contains("add() fails for negative numbers too.", "`src/calc.sh:4`: still the subtraction");
    assertThat(world.aegisLabels()).containsExactly("aegis:awaiting-approval");
  }

  @Test
  void noApprovalGivenBeforeAnAskApprovesThePlanTheAskProduces() {
    AtomicReference<IssueComment> second = new AtomicReference<>();
    world.engines.then(task -> {
      second.set(world.post("ops", "/aegis proceed " + run));
      world.tracker.grant("ops", dev.aegis.core.tracker.Permission.MAINTAIN);
      world.deliver(second.get());
      return fixing(Map.of(), "Nothing to change.").run(task);
    });
    assertThat(world.comment("maya", "/aegis proceed " + run).status()).isEqualTo(FlowResult.Status.BLOCKED);
    world.engines.then(planning(calcPlan(Risk.HIGH)));
    world.comment("maya", "/aegis ask " + run + " look at sub() too");

    FlowResult polledLater = world.deliver(second.get());

    assertThat(polledLater.status()).isEqualTo(FlowResult.Status.NOTHING_TO_DO);
    assertThat(world.state().phase()).isEqualTo(Phase.AWAITING_APPROVAL);
    assertThat(world.engines.tasks()).hasSize(3);
  }

  @Test
  void anAskAnsweredAsNotApplicableIsNotCarriedOutLater() {
    AtomicReference<IssueComment> ask = new AtomicReference<>();
    world.engines.then(task -> {
      ask.set(world.post("maya", "/aegis ask " + run + " what about sub()?"));
      world.deliver(ask.get());
      return fixing(Map.of(), "Nothing to change.").run(task);
    });
    assertThat(world.comment("maya", "/aegis proceed " + run).status()).isEqualTo(FlowResult.Status.BLOCKED);

    FlowResult polledLater = world.deliver(ask.get());

    assertThat(world.replies()).singleElement().asString().contains("re-plans a run that is awaiting approval or blocked");
    assertThat(polledLater.status()).isEqualTo(FlowResult.Status.NOTHING_TO_DO);
    assertThat(world.engines.tasks()).hasSize(2);
    assertThat(world.state().phase()).isEqualTo(Phase.BLOCKED);
  }

  @Test
  void aRedeliveredAskReplansOnlyOnce() {
    world.engines.then(planning(calcPlan(Risk.LOW)));
    IssueComment ask = world.post("maya", "/aegis ask " + run + " check the README too");

    world.deliver(ask);
    FlowResult again = world.deliver(ask);

    assertThat(again.status()).isEqualTo(FlowResult.Status.NOTHING_TO_DO);
    assertThat(world.engines.tasks()).hasSize(2);
  }

  @Test
  void anApprovalSpentOnAFailedFixDoesNotApproveThePlanAnAskProducesLater() {
    world.engines.then(fixing(Map.of("README.md", "touched\n"), "Changed the README."));
    IssueComment approval = world.post("maya", "/aegis proceed " + run);
    assertThat(world.deliver(approval).status()).isEqualTo(FlowResult.Status.BLOCKED);
    world.engines.then(planning(calcPlan(Risk.HIGH)));
    world.comment("maya", "/aegis ask " + run + " the README is not the problem");

    FlowResult polledAgain = world.deliver(approval);

    assertThat(world.state().phase()).isEqualTo(Phase.AWAITING_APPROVAL);
    assertThat(polledAgain.status()).isEqualTo(FlowResult.Status.NOTHING_TO_DO);
    assertThat(world.engines.pending()).isZero();
    assertThat(world.engines.tasks()).hasSize(3);
    assertThat(world.code.pullRequestDrafts()).isEmpty();
  }
}
