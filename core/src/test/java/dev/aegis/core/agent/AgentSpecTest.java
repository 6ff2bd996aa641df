package dev.aegis.core.agent;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.aegis.core.config.AegisConfig;
import dev.aegis.core.config.ConfigException;
import dev.aegis.core.config.ConfigLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code agent:} names the engine; anything else is refused with what is accepted. */
class AgentSpecTest {
  @TempDir Path workspace;

  @Test
  void theKnownAgentsNameTheirAcpProgramAndTheirOwnKey() {
    assertThat(AgentSpec.parse("builtin").isBuiltin()).isTrue();
    assertThat(AgentSpec.parse(" ").isBuiltin()).isTrue();
    AgentSpec claude = AgentSpec.parse("claude-code");
    assertThat(claude.command()).containsExactly("claude-agent-acp");
    assertThat(claude.keyNames()).containsExactly("ANTHROPIC_API_KEY");
    AgentSpec codex = AgentSpec.parse("Codex");
    assertThat(codex.command()).containsExactly("codex-acp");
    assertThat(codex.keyNames()).contains("OPENAI_API_KEY").doesNotContain("ANTHROPIC_API_KEY");
    assertThat(AgentSpec.parse("gemini").command()).containsExactly("gemini", "--experimental-acp");
  }

  @Test
  void anAcpCommandLineIsSplitOnSpacesKeepingQuotedWords() {
    AgentSpec custom = AgentSpec.parse("acp:my-agent --flag 'two words' \"x y\"");
    assertThat(custom.name()).isEqualTo("acp");
    assertThat(custom.command()).containsExactly("my-agent", "--flag", "two words", "x y");
    assertThat(custom.keyNames()).isEmpty();
  }

  @Test
  void unknownOrEmptyAgentsAreRefusedWithWhatIsAccepted() {
    assertThatThrownBy(() -> AgentSpec.parse("claude")).hasMessageContaining(
        "must be builtin, claude-code, codex, gemini or acp:<command line>, got 'claude'");
    assertThatThrownBy(() -> AgentSpec.parse("acp:  ")).hasMessageContaining("needs the agent's command line");
    assertThatThrownBy(() -> AgentSpec.parse("acp:x 'open")).hasMessageContaining("unclosed");
  }

  @Test
  void theConfigurationFileAndAegisAgentChooseTheAgentAndABadOneNamesItsSource() throws Exception {
    ConfigLoader loader = new ConfigLoader();
    assertThat(loader.load(workspace, Map.of(), Map.of(), "input").agent().isBuiltin()).isTrue();
    Files.createDirectories(workspace.resolve(".aegis"));
    Files.writeString(workspace.resolve(".aegis/config.yml"), "agent: codex\n");
    AegisConfig fromFile = loader.load(workspace, Map.of(), Map.of(), "input");
    assertThat(fromFile.agent().name()).isEqualTo("codex");
    assertThat(loader.load(workspace, Map.of("AEGIS_AGENT", "claude-code"), Map.of(), "input").agent().name())
        .isEqualTo("claude-code");
    assertThat(loader.load(workspace, Map.of(), Map.of("agent", "acp:x"), "action input").agent().command())
        .isEqualTo(List.of("x"));
    assertThatThrownBy(() -> loader.load(workspace, Map.of("AEGIS_AGENT", "cursor"), Map.of(), "input"))
        .isInstanceOf(ConfigException.class)
        .hasMessageContaining("AEGIS_AGENT").hasMessageContaining("got 'cursor'");
  }
}
