package dev.aegis.core.flow;

import static dev.aegis.core.flow.FakeEngines.calcPlan;
import static dev.aegis.core.flow.FakeEngines.planning;
import static org.assertj.core.api.Assertions.assertThat;

import dev.aegis.core.agent.Mode;
import dev.aegis.core.agent.Risk;
import dev.aegis.core.tracker.Phase;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Step 4: the plan run posts the RCA as the run's status comment and waits for a human. */
class RcaCheckpointTest {
  @TempDir Path tmp;
  private FlowWorld world;

  @BeforeEach
  void setUp() {
    world = FlowWorld.create(tmp);
  }

  @Test
  void theRcaReplacesTheStatusCommentWithEvidenceRiskCostAndTheExactCommands() {
    world.engines.then(planning(calcPlan(Risk.MEDIUM)));

    FlowResult result = world.claimAndPlan();

    String run = world.state().runId();
    assertThat(result.status()).isEqualTo(FlowResult.Status.AWAITING_APPROVAL);
    assertThat(world.statusComments()).hasSize(1);
    assertThat(world.statusText()).contains(
        "root-cause analysis: awaiting approval",
        "add() subtracts its arguments",
        "**Root cause.** src/calc.sh computes $1 - $2",
        "`src/calc.sh:4`: the subtraction",
        "**Proposed fix.** Use + instead of - in add().",
        "**Regression test.** test.sh checks",
        "| `" + run + "` | `" + FlowWorld.BRANCH + "` | medium | $0.0123 |",
        "`/aegis proceed " + run + "`", "`/aegis stop " + run + "`", "`/aegis ask " + run + " <question");
    assertThat(world.state().phase()).isEqualTo(Phase.AWAITING_APPROVAL);
    assertThat(world.aegisLabels()).containsExactly("aegis:awaiting-approval");
    assertThat(world.labels()).contains("bug", "ready to implement");
  }

  @Test
  void planningReadsTheIssueInPlanModeAndChangesNoCode() {
    world.engines.then(planning(calcPlan(Risk.LOW)));

    world.claimAndPlan();

    assertThat(world.engines.tasks()).singleElement().satisfies(task -> {
      assertThat(task.mode()).isEqualTo(Mode.PLAN);
      assertThat(task.task()).contains("Issue github:#42: add returns the difference", "prints -1 instead of 5");
      assertThat(task.policy().readOnly()).isTrue();
    });
    assertThat(world.originCommit().message()).startsWith("aegis: claim");
    assertThat(world.originDiff()).isEmpty();
    assertThat(world.code.pullRequestDrafts()).isEmpty();
  }

  @Test
  void aReusedWorkspaceIsInvestigatedAsTheBaseBranchIsOnOrigin() throws java.io.IOException {
    java.nio.file.Files.writeString(world.workspace.resolve("src/calc.sh"), "# left over from an old run\n");
    java.nio.file.Files.writeString(world.workspace.resolve("stray.txt"), "untracked leftovers\n");
    String[] seen = new String[2];
    world.engines.then((dev.aegis.core.agent.Engine) task -> {
      try {
        seen[0] = java.nio.file.Files.readString(task.workspace().resolve("src/calc.sh"));
      } catch (java.io.IOException e) {
        throw new java.io.UncheckedIOException(e);
      }
      seen[1] = String.valueOf(java.nio.file.Files.exists(task.workspace().resolve("stray.txt")));
      return planning(calcPlan(Risk.LOW)).run(task);
    });

    world.claimAndPlan();

    assertThat(seen[0]).contains("$1 - $2").doesNotContain("left over");
    assertThat(seen[1]).isEqualTo("false");
  }

  @Test
  void listedApproversAreNamedInTheCommandsOfTheRca() {
    world.settings.put("approvers", "ops-oncall");
    world.engines.then(planning(calcPlan(Risk.LOW)));

    world.claimAndPlan();

    assertThat(world.statusText()).contains("(people with write access to the repository, or listed approvers)");
  }
}
