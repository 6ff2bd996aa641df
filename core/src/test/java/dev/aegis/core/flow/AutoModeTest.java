package dev.aegis.core.flow;

import static dev.aegis.core.flow.FakeEngines.calcPlan;
import static dev.aegis.core.flow.FakeEngines.fixingCalc;
import static dev.aegis.core.flow.FakeEngines.planning;
import static org.assertj.core.api.Assertions.assertThat;

import dev.aegis.core.agent.Risk;
import dev.aegis.core.tracker.Phase;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code mode: auto} implements a low-risk plan at once and still waits for a human on riskier ones. */
class AutoModeTest {
  @TempDir Path tmp;
  private FlowWorld world;

  @BeforeEach
  void setUp() {
    world = FlowWorld.create(tmp);
    world.settings.put("mode", "auto");
  }

  @Test
  void aLowRiskPlanIsImplementedWithoutWaitingAndSaysNoHumanApprovedIt() {
    world.engines.then(planning(calcPlan(Risk.LOW))).then(fixingCalc());

    FlowResult result = world.claimAndPlan();

    assertThat(result.status()).isEqualTo(FlowResult.Status.PR_OPENED);
    assertThat(world.originDiff()).isEqualTo("src/calc.sh");
    assertThat(world.code.pullRequestDrafts()).singleElement().satisfies(pr -> assertThat(pr.body())
        .contains("approved by Aegis's auto mode (a low-risk plan; no human approved it)")
        .doesNotContain("approved by a maintainer"));
    assertThat(world.aegisLabels()).containsExactly("aegis:pr-opened");
    assertThat(world.statusComments()).hasSize(1);
  }

  @Test
  void aHighRiskPlanWaitsForApprovalEvenInAutoMode() {
    world.engines.then(planning(calcPlan(Risk.HIGH)));

    FlowResult result = world.claimAndPlan();

    assertThat(result.status()).isEqualTo(FlowResult.Status.AWAITING_APPROVAL);
    assertThat(world.state().phase()).isEqualTo(Phase.AWAITING_APPROVAL);
    assertThat(world.engines.tasks()).hasSize(1);
    assertThat(world.code.pullRequestDrafts()).isEmpty();
  }

  @Test
  void aMediumRiskPlanWaitsForApprovalEvenInAutoMode() {
    world.engines.then(planning(calcPlan(Risk.MEDIUM)));

    assertThat(world.claimAndPlan().status()).isEqualTo(FlowResult.Status.AWAITING_APPROVAL);
  }
}
