package dev.aegis.core.agent;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.aegis.core.model.ModelException;
import dev.aegis.core.policy.Secrets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** An external agent's process gets its own provider key and no other secret. */
class AcpEnvironmentTest {
  private final Map<String, String> host = new HashMap<>(Map.of(
      "PATH", "/usr/bin:/bin", "HOME", "/home/runner",
      "GITHUB_TOKEN", "ghs_installationTokenValue0001", "ACTIONS_RUNTIME_TOKEN", "runtime-token-value-0002",
      "OPENAI_API_KEY", "sk-openai-key-value-0003", "ANTHROPIC_API_KEY", "sk-ant-key-value-0004",
      "LINEAR_API_KEY", "lin_api_key_value_0005", "ANTHROPIC_BASE_URL", "http://127.0.0.1:9999",
      "OPENAI_BASE_URL", "https://user:hunter22secret@proxy.example/v1"));

  private Map<String, String> of(String agent) {
    return AcpEnvironment.of(AgentSpec.parse(agent), host, Secrets.fromEnvironment(host, List.of(), List.of()),
        List.of());
  }

  @Test
  void claudeCodeGetsTheAnthropicKeyAndBaseUrlAndNothingElseSecret() {
    Map<String, String> env = of("claude-code");
    assertThat(env).containsEntry("ANTHROPIC_API_KEY", "sk-ant-key-value-0004")
        .containsEntry("ANTHROPIC_BASE_URL", "http://127.0.0.1:9999").containsEntry("IS_SANDBOX", "1")
        .containsEntry("PATH", "/usr/bin:/bin")
        .doesNotContainKeys("GITHUB_TOKEN", "ACTIONS_RUNTIME_TOKEN", "OPENAI_API_KEY", "LINEAR_API_KEY", "HOME");
  }

  @Test
  void codexGetsTheOpenAiKeyButNotABaseUrlThatCarriesAPassword() {
    Map<String, String> env = of("codex");
    assertThat(env).containsEntry("OPENAI_API_KEY", "sk-openai-key-value-0003")
        .doesNotContainKeys("OPENAI_BASE_URL", "ANTHROPIC_API_KEY", "GITHUB_TOKEN", "LINEAR_API_KEY");
  }

  @Test
  void theSharedModelKeyStandsInForTheAgentsOwnKey() {
    host.remove("ANTHROPIC_API_KEY");
    host.put("AEGIS_MODEL_API_KEY", "sk-shared-key-value-0006");
    assertThat(of("claude-code")).containsEntry("ANTHROPIC_API_KEY", "sk-shared-key-value-0006")
        .doesNotContainKey("AEGIS_MODEL_API_KEY");
  }

  @Test
  void aCustomAgentGetsNoKeyAtAllAndAKnownOneWithoutItsKeyIsRefused() {
    assertThat(of("acp:my-agent")).doesNotContainKeys("OPENAI_API_KEY", "ANTHROPIC_API_KEY", "GITHUB_TOKEN");
    host.remove("OPENAI_API_KEY");
    assertThatThrownBy(() -> of("codex")).isInstanceOf(ModelException.class)
        .hasMessageContaining("needs its provider key in OPENAI_API_KEY or CODEX_API_KEY");
  }
}
