package dev.aegis.core.flow;

import static org.assertj.core.api.Assertions.assertThat;

import dev.aegis.core.agent.Budget;
import dev.aegis.core.agent.EngineResult;
import dev.aegis.core.agent.EngineTask;
import dev.aegis.core.agent.Mode;
import dev.aegis.core.agent.Progress;
import dev.aegis.core.agent.Stop;
import dev.aegis.core.config.AegisConfig;
import dev.aegis.core.config.ConfigLoader;
import dev.aegis.core.model.ModelException;
import dev.aegis.core.policy.Policy;
import dev.aegis.core.policy.Secrets;
import dev.aegis.core.support.Sandboxes;
import dev.aegis.testkit.model.SampleProject;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The configured {@code agent:} decides the engine; an external agent that cannot run ends the run blocked, never as the builtin loop. */
class EngineChoiceTest {
  @TempDir Path temp;

  private final ModelEngineProvider engines =
      new ModelEngineProvider(Clock.systemUTC(), Sandboxes.PROGRAMS, () -> Sandboxes.DETECTED);

  private EngineResult run(String agent, Map<String, String> env) throws Exception {
    Path workspace = SampleProject.create(temp.resolve("repo"));
    AegisConfig config = new ConfigLoader().load(workspace, Map.of("AEGIS_AGENT", agent), Map.of(), "test");
    EngineTask task = new EngineTask(workspace, Mode.PLAN, "add(2, 3) prints -1", Policy.defaults().withReadOnly(true),
        Budget.defaults(), temp.resolve("records"), null, Secrets.none());
    return engines.engine(config, env, Progress.SILENT).run(task);
  }

  @Test
  void anAgentThatIsNotInstalledEndsBlockedSayingWhatTheShellSaid() throws Exception {
    EngineResult result = run("acp:aegis-no-such-agent --stdio", SampleProject.environment(Map.of()));

    assertThat(result.stop().reason()).isEqualTo(Stop.Reason.AGENT_FAILED);
    assertThat(result.outcome()).isEqualTo(Stop.Outcome.BLOCKED);
    assertThat(result.stop().detail()).contains("aegis-no-such-agent", "not found");
  }

  @Test
  void aKnownAgentWithoutItsProviderKeyIsAConfigurationErrorNamingTheKey() throws Exception {
    EngineResult result = run("codex", SampleProject.environment(Map.of()));

    assertThat(result.stop().reason()).isEqualTo(Stop.Reason.MODEL_ERROR);
    assertThat(result.stop().modelError()).isEqualTo(ModelException.Kind.CONFIG);
    assertThat(result.outcome()).isEqualTo(Stop.Outcome.CONFIG_ERROR);
    assertThat(result.stop().detail()).contains("codex (codex-acp) needs its provider key in OPENAI_API_KEY or"
        + " CODEX_API_KEY (or AEGIS_MODEL_API_KEY)");
  }

  @Test
  void thePreflightChecksAnExternalAgentsOwnKeyNotTheModels() throws Exception {
    Path workspace = SampleProject.create(temp.resolve("preflight"));
    AegisConfig config = new ConfigLoader().load(workspace, Map.of("AEGIS_AGENT", "claude-code"), Map.of(), "test");
    // the default model is openai/gpt-5.5, whose key is not set: the agent's own key is what counts
    ModelEngineProvider.checkModel(config, Map.of("ANTHROPIC_API_KEY", "sk-ant-preflight-0001"));
    ModelEngineProvider.checkModel(config, Map.of("AEGIS_MODEL_API_KEY", "sk-shared-preflight-0002"));
    org.assertj.core.api.Assertions.assertThatThrownBy(() -> engines.check(config, Map.of("OPENAI_API_KEY", "sk-x-0003")))
        .isInstanceOf(ModelException.class).hasMessageContaining("needs its provider key in ANTHROPIC_API_KEY");
  }
}
