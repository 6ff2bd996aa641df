package dev.aegis.core.flow;

import static org.assertj.core.api.Assertions.assertThat;

import dev.aegis.core.agent.Engine;
import dev.aegis.core.agent.Engines;
import dev.aegis.core.agent.LoopSettings;
import dev.aegis.core.agent.Progress;
import dev.aegis.core.config.AegisConfig;
import dev.aegis.core.model.ModelClients;
import dev.aegis.core.model.ModelSettings;
import dev.aegis.core.policy.CommandSandbox;
import dev.aegis.core.tracker.Phase;
import dev.aegis.testkit.model.SampleProject;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The whole plan-first loop through the real agent loop, tools and policy, with the in-process scripted model. */
class ScriptedModelFlowTest {
  @TempDir Path tmp;

  @Test
  void theRealAgentLoopPlansThenFixesTheSampleAndAegisOpensThePullRequest() throws IOException {
    FlowWorld world = FlowWorld.create(tmp.resolve("world"));
    Path plan = Files.writeString(tmp.resolve("plan.json"), SampleProject.PLAN_SCRIPT);
    Path fix = Files.writeString(tmp.resolve("fix.json"), SampleProject.FIX_SCRIPT);
    Scripts scripts = new Scripts(List.of(plan, fix));

    FlowResult planned = withEngines(world, scripts).claimAndPlan();
    String run = world.state().runId();
    FlowResult done = world.comment("maya", "/aegis proceed " + run);

    assertThat(planned.status()).isEqualTo(FlowResult.Status.AWAITING_APPROVAL);
    assertThat(done.status()).isEqualTo(FlowResult.Status.PR_OPENED);
    assertThat(scripts.left()).isZero();
    assertThat(world.originDiff()).isEqualTo("src/calc.sh");
    assertThat(world.code.pullRequestDrafts()).singleElement().satisfies(pr -> assertThat(pr.body())
        .contains("add() in src/calc.sh computes $1 - $2", "`src/calc.sh:4`: the subtraction", "PASS add"));
    assertThat(world.state().phase()).isEqualTo(Phase.PR_OPENED);
    assertThat(world.statusText()).contains("| `" + run + "` |", "| $0.0000 |");
  }

  private static FlowWorld withEngines(FlowWorld world, Scripts scripts) {
    world.engineProvider = scripts;
    return world;
  }

  /** Replays one script file per agent run, in order, through the real loop. */
  private static final class Scripts implements EngineProvider {
    private final Deque<Path> files;

    Scripts(List<Path> files) {
      this.files = new ArrayDeque<>(files);
    }

    synchronized int left() {
      return files.size();
    }

    @Override
    public synchronized Engine engine(AegisConfig config, Map<String, String> environment, Progress progress) {
      Path next = files.poll();
      if (next == null) {
        throw new AssertionError("an agent run started that the test did not expect");
      }
      return Engines.loop(ModelClients.create("scripted/" + next.toAbsolutePath(), ModelSettings.of(environment)),
          LoopSettings.of(environment, sandbox(), progress));
    }

    @Override
    public CommandSandbox sandbox() {
      return dev.aegis.core.support.Sandboxes.DETECTED;
    }
  }
}
