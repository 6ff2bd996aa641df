package dev.aegis.core.flow;

import static dev.aegis.core.flow.FakeEngines.calcPlan;
import static dev.aegis.core.flow.FakeEngines.planning;
import static org.assertj.core.api.Assertions.assertThat;

import dev.aegis.core.agent.Engine;
import dev.aegis.core.agent.Risk;
import dev.aegis.core.config.ConfigKeys;
import dev.aegis.core.tracker.Phase;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code setup-command}: the project's set-up runs in the sandbox before each agent run, and a failure says so. */
class SetupCommandTest {
  @TempDir Path tmp;
  private FlowWorld world;

  @BeforeEach
  void world() {
    world = FlowWorld.create(tmp);
    world.settings.put(ConfigKeys.SETUP_COMMAND, "mkdir -p deps && echo installed > deps/marker");
  }

  /** An agent run that fails the test unless the setup command's output is in the workspace, then does {@code then}. */
  private static Engine afterSetup(Engine then) {
    return task -> {
      assertThat(task.workspace().resolve("deps/marker")).as("the setup command ran first").exists();
      return then.run(task);
    };
  }

  @Test
  void theSetupCommandRunsInTheWorkspaceBeforeThePlanAndBeforeTheFix() throws Exception {
    world.engines.then(afterSetup(planning(calcPlan(Risk.LOW))));
    world.claimAndPlan();
    String run = world.state().runId();
    Files.delete(world.workspace.resolve("deps/marker"));
    world.engines.then(afterSetup(FakeEngines.fixingCalc()));

    FlowResult result = world.comment("maya", "/aegis proceed " + run);

    assertThat(result.status()).isEqualTo(FlowResult.Status.PR_OPENED);
    assertThat(world.engines.tasks()).hasSize(2);
    assertThat(world.originDiff()).isEqualTo("src/calc.sh");
    assertThat(world.progress).anyMatch(l -> l.contains("Running the setup command: mkdir -p deps"));
  }

  @Test
  void aFailingSetupCommandBlocksTheRunBeforeTheAgentStartsAndShowsItsOutput() {
    world.settings.put(ConfigKeys.SETUP_COMMAND, "echo 'node: command not found' >&2; exit 127");

    FlowResult result = world.claimAndPlan();

    assertThat(result.status()).isEqualTo(FlowResult.Status.BLOCKED);
    assertThat(world.engines.tasks()).isEmpty();
    assertThat(world.state().phase()).isEqualTo(Phase.BLOCKED);
    assertThat(world.statusText()).contains("The setup command (`echo 'node: command not found' >&2; exit 127`, from "
        + "setup-command) failed, so the agent did not start.", "node: command not found", "fix `setup-command`",
        "workflow step before Aegis");
  }
}
