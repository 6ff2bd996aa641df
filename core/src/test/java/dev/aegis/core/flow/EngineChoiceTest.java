package dev.aegis.core.flow;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.aegis.core.agent.Progress;
import dev.aegis.core.config.AegisConfig;
import dev.aegis.core.config.ConfigLoader;
import dev.aegis.core.model.ModelException;
import dev.aegis.core.support.Sandboxes;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The configured {@code agent:} decides the engine; an unavailable one fails loudly, never runs the builtin loop. */
class EngineChoiceTest {
  @TempDir Path workspace;

  private final ModelEngineProvider engines =
      new ModelEngineProvider(Clock.systemUTC(), Sandboxes.PROGRAMS, () -> Sandboxes.DETECTED);

  private AegisConfig config(String agent) {
    return new ConfigLoader().load(workspace, Map.of("AEGIS_AGENT", agent), Map.of(), "test");
  }

  @Test
  void anExternalAgentThatIsNotAvailableFailsSetUpWithAClearMessage() {
    assertThatThrownBy(() -> engines.engine(config("codex"), Map.of("OPENAI_API_KEY", "sk-x"), Progress.SILENT))
        .isInstanceOf(ModelException.class)
        .hasMessageContaining("agent: codex (codex-acp) is not available yet");
  }
}
