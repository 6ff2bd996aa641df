package dev.aegis.core.flow;

import static dev.aegis.core.flow.FakeEngines.calcPlan;
import static dev.aegis.core.flow.FakeEngines.fixing;
import static dev.aegis.core.flow.FakeEngines.planning;
import static dev.aegis.core.flow.FakeEngines.stopping;
import static org.assertj.core.api.Assertions.assertThat;

import dev.aegis.core.agent.Risk;
import dev.aegis.core.agent.Stop;
import dev.aegis.core.model.ModelException;
import dev.aegis.core.tracker.Phase;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Step 7: a run that cannot finish ends blocked, says why in plain English, and leaves no pull request. */
class ImplementFailuresTest {
  @TempDir Path tmp;
  private FlowWorld world;

  @BeforeEach
  void setUp() {
    world = FlowWorld.create(tmp);
  }

  private String planned() {
    world.engines.then(planning(calcPlan(Risk.LOW)));
    world.claimAndPlan();
    return world.state().runId();
  }

  private void assertBlockedWithoutPush() {
    assertThat(world.state().phase()).isEqualTo(Phase.BLOCKED);
    assertThat(world.aegisLabels()).containsExactly("aegis:blocked");
    assertThat(world.statusComments()).hasSize(1);
    assertThat(world.statusText()).contains("Aegis stopped: this run is blocked", "**What you can do:**");
    assertThat(world.originDiff()).isEmpty();
    assertThat(world.code.pullRequestDrafts()).isEmpty();
  }

  @Test
  void failingTestsAfterTheFixBlockTheRunWithTheEvidenceAndNothingIsPushed() {
    String run = planned();
    world.engines.then(fixing(Map.of("src/calc.sh", "add() {\n  echo $(( $1 * $2 ))\n}\n"), "add() multiplies now."));

    FlowResult result = world.comment("maya", "/aegis proceed " + run);

    assertThat(result.status()).isEqualTo(FlowResult.Status.BLOCKED);
    assertBlockedWithoutPush();
    assertThat(world.statusText()).contains("The tests fail with the fix (`sh test.sh`), so no pull request was opened.",
        "FAIL add: expected 5, got 6");
  }

  @Test
  void anAgentThatChangesNoFileBlocksTheRun() {
    String run = planned();
    world.engines.then(fixing(Map.of(), "Nothing needed changing."));

    FlowResult result = world.comment("maya", "/aegis proceed " + run);

    assertThat(result.status()).isEqualTo(FlowResult.Status.BLOCKED);
    assertBlockedWithoutPush();
    assertThat(world.statusText()).contains("The agent finished without changing any file.");
  }

  @Test
  void aModelThatFailsDuringThePlanBlocksTheRunInPlainEnglish() {
    world.engines.then(stopping(Stop.model(new ModelException(ModelException.Kind.SERVER,
        "the provider answered 503 three times", 503, "https://api.example/v1/chat/completions", null, null))));

    FlowResult result = world.claimAndPlan();

    assertThat(result.status()).isEqualTo(FlowResult.Status.BLOCKED);
    assertBlockedWithoutPush();
    assertThat(world.statusText()).contains("The investigation stopped before a root cause was found. "
        + "The model call failed: the provider answered 503 three times");
  }

  @Test
  void anUnexpectedErrorAfterTheClaimEndsTheRunBlockedWithANoteInsteadOfLeavingItInProgress() {
    world.engines.then(task -> {
      throw new IllegalStateException("a bug in an engine");
    });

    FlowResult result = world.claimAndPlan();

    assertThat(result.status()).isEqualTo(FlowResult.Status.BLOCKED);
    assertBlockedWithoutPush();
    assertThat(world.statusText()).contains("unexpected error in Aegis (IllegalStateException: a bug in an engine)",
        "Remove the aegis:blocked label to try again");
  }

  @Test
  void aModelThatCannotBeSetUpBlocksTheRunNamingWhatToSet() {
    world.engines.thenSetupFails(ModelException.config("OPENAI_API_KEY is not set: add it as a secret of the CI job"));

    FlowResult result = world.claimAndPlan();

    assertThat(result.status()).isEqualTo(FlowResult.Status.BLOCKED);
    assertBlockedWithoutPush();
    assertThat(world.statusText()).contains("The model could not be used: OPENAI_API_KEY is not set");
  }

  @Test
  void aFixRunThatRunsOutOfBudgetBlocksTheRunAndPushesNothing() {
    String run = planned();
    world.engines.then(stopping(Stop.budget(dev.aegis.core.agent.Budget.Kind.STEPS, "60 of 60 steps")));

    FlowResult result = world.comment("maya", "/aegis proceed " + run);

    assertThat(result.status()).isEqualTo(FlowResult.Status.BLOCKED);
    assertBlockedWithoutPush();
    assertThat(world.statusText()).contains("The fix run stopped before finishing.", "60 of 60 steps");
  }

  @Test
  void aProceedOnABlockedRunIsAnsweredOnceAndImplementsNothing() {
    String run = planned();
    world.engines.then(fixing(Map.of(), "Nothing."));
    world.comment("maya", "/aegis proceed " + run);

    world.comment("maya", "/aegis proceed " + run);

    assertThat(world.replies()).singleElement().asString().contains("has no plan waiting for approval (it is blocked)");
    assertThat(world.engines.tasks()).hasSize(2);
  }
}
