package dev.aegis.core.policy;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class CommandEnvironmentTest {
  static final Map<String, String> HOST = Map.ofEntries(
      Map.entry("PATH", "/usr/bin:.:bin:/bin:"), Map.entry("HOME", "/home/runner"), Map.entry("LANG", "C.UTF-8"),
      Map.entry("LC_ALL", "C.UTF-8"), Map.entry("JAVA_HOME", "/opt/jdk"), Map.entry("JAVA_HOME_17_X64", "/opt/jdk17"),
      Map.entry("GIT_AUTHOR_NAME", "Aegis Bot"),
      Map.entry("GITHUB_TOKEN", "ghs_runner_token_123456"), Map.entry("GH_TOKEN", "gho_cli_token_123456"),
      Map.entry("ACTIONS_RUNTIME_TOKEN", "eyJruntime.token.value"),
      Map.entry("ACTIONS_ID_TOKEN_REQUEST_URL", "https://token.actions.example/x"),
      Map.entry("OPENAI_API_KEY", "sk-openai-123456789"), Map.entry("LINEAR_API_KEY", "lin_api_123456789"),
      Map.entry("SLACK_WEBHOOK_URL", "https://hooks.slack.example/T0/B0/xyz123"),
      Map.entry("SLACK_HOOK_URL", "https://hooks.slack.example/T0/B0/abc987"), Map.entry("MYSQL_PWD", "hunter2-mysql"),
      Map.entry("MY_SECRET", "very-secret-value"), Map.entry("AEGIS_TELEGRAM_BOT", "12345:bot-token-value"),
      Map.entry("DATABASE_URL", "postgres://u:p4ssw0rd@db/app"), Map.entry("CUSTOM", "custom-secret-value"),
      Map.entry("HTTPS_PROXY", "https://user:hunter22@proxy.example:3128"), Map.entry("NODE_VERSION", "20"),
      Map.entry("GITHUB_ENV", "/home/runner/work/_temp/_runner_file_commands/set_env_1"),
      Map.entry("COPY_OF_KEY", "sk-openai-123456789"));

  @Test
  void onlyWhatBuildsNeedReachesCommandsWhateverTheOtherNamesAre() {
    Secrets secrets = Secrets.fromEnvironment(HOST, List.of("CUSTOM"), List.of());
    Map<String, String> env = CommandEnvironment.forCommands(HOST, secrets, List.of());
    assertThat(env).containsOnlyKeys("PATH", "LANG", "LC_ALL", "JAVA_HOME", "JAVA_HOME_17_X64");
  }

  @Test
  void namesTheDenyListDidNotKnowStayOut() {
    Map<String, String> env = CommandEnvironment.forCommands(HOST, Secrets.none(), List.of());
    assertThat(env).doesNotContainKeys("MYSQL_PWD", "SLACK_HOOK_URL", "GITHUB_ENV", "HOME", "GIT_AUTHOR_NAME");
  }

  @Test
  void theMaintainersNamesPassButNeverASecretOrAUrlWithAPassword() {
    Secrets secrets = Secrets.fromEnvironment(HOST, List.of("CUSTOM"), List.of());
    Map<String, String> env = CommandEnvironment.forCommands(HOST, secrets,
        List.of("NODE_VERSION", "CUSTOM", "COPY_OF_KEY", "HTTPS_PROXY"));
    assertThat(env).containsEntry("NODE_VERSION", "20").doesNotContainKeys("CUSTOM", "COPY_OF_KEY", "HTTPS_PROXY");
  }

  @Test
  void secretLookingNamesAndHomeAreRefusedAsAdditions() {
    assertThat(CommandEnvironment.refusedNames(List.of("NODE_VERSION", "NPM_TOKEN", "HOME", "MY_PASSWORD")))
        .containsExactly("HOME", "MY_PASSWORD", "NPM_TOKEN");
  }

  @Test
  void pathLosesEntriesThatWouldSearchTheWorkingDirectory() {
    assertThat(CommandEnvironment.forCommands(HOST, Secrets.none(), List.of())).containsEntry("PATH", "/usr/bin:/bin");
  }

  @Test
  void secretValuesAreCollectedButHarmlessOnesAreNot() {
    Secrets secrets = Secrets.fromEnvironment(HOST, List.of("CUSTOM"), List.of("extra-value-1"));
    assertThat(secrets.values()).contains("ghs_runner_token_123456", "sk-openai-123456789",
        "custom-secret-value", "postgres://u:p4ssw0rd@db/app", "extra-value-1");
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
