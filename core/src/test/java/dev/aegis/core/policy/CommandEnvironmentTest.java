package dev.aegis.core.policy;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class CommandEnvironmentTest {
  static final Map<String, String> HOST = Map.ofEntries(
      Map.entry("PATH", "/usr/bin:/bin"), Map.entry("HOME", "/home/runner"), Map.entry("LANG", "C.UTF-8"),
      Map.entry("JAVA_HOME", "/opt/jdk"), Map.entry("GIT_AUTHOR_NAME", "Aegis Bot"),
      Map.entry("GITHUB_TOKEN", "ghs_runner_token_123456"), Map.entry("GH_TOKEN", "gho_cli_token_123456"),
      Map.entry("ACTIONS_RUNTIME_TOKEN", "eyJruntime.token.value"),
      Map.entry("ACTIONS_ID_TOKEN_REQUEST_URL", "https://token.actions.example/x"),
      Map.entry("OPENAI_API_KEY", "sk-openai-123456789"), Map.entry("LINEAR_API_KEY", "lin_api_123456789"),
      Map.entry("SLACK_WEBHOOK_URL", "https://hooks.slack.example/T0/B0/xyz123"),
      Map.entry("MY_SECRET", "very-secret-value"), Map.entry("AEGIS_TELEGRAM_BOT", "12345:bot-token-value"),
      Map.entry("DATABASE_URL", "postgres://u:p4ssw0rd@db/app"), Map.entry("CUSTOM", "custom-secret-value"),
      Map.entry("MIRROR", "https://user:hunter22@mirror.example/repo"),
      Map.entry("COPY_OF_KEY", "sk-openai-123456789"));

  @Test
  void credentialsRunnerTokensAndConfiguredNamesAreDropped() {
    Secrets secrets = Secrets.fromEnvironment(HOST, List.of("CUSTOM"), List.of());
    Map<String, String> scrubbed = CommandEnvironment.scrub(HOST, secrets);
    assertThat(scrubbed).containsOnlyKeys("PATH", "HOME", "LANG", "JAVA_HOME", "GIT_AUTHOR_NAME");
  }

  @Test
  void secretValuesAreCollectedButHarmlessOnesAreNot() {
    Secrets secrets = Secrets.fromEnvironment(HOST, List.of("CUSTOM"), List.of("extra-value-1"));
    assertThat(secrets.values()).contains("ghs_runner_token_123456", "sk-openai-123456789",
        "custom-secret-value", "postgres://u:p4ssw0rd@db/app", "extra-value-1",
        "https://user:hunter22@mirror.example/repo");
    assertThat(secrets.values()).doesNotContain("Aegis Bot", "/usr/bin:/bin", "C.UTF-8");
    assertThat(secrets.names()).isEqualTo(Set.of("CUSTOM"));
  }

  @Test
  void flagValuesOfRuntimeVariablesAreNotTreatedAsSecretValues() {
    Secrets secrets = Secrets.fromEnvironment(Map.of("ACTIONS_STEP_DEBUG", "true", "AEGIS_MODE", "plan"),
        List.of(), List.of());
    assertThat(secrets.values()).isEmpty();
  }
}
