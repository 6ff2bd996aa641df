package dev.aegis.jenkins;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.aegis.core.host.HostCommand;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class CoreCallPlannerTest {
  private final Map<String, String> credentials = new HashMap<>(Map.of("gh-step", "ghp_step", "gh-global", "ghp_global", "llm", "sk-model"));
  private final CoreCallPlanner planner = new CoreCallPlanner(id -> Optional.ofNullable(credentials.get(id)));

  @Test
  void stepCredentialsBecomeGithubTokenAndAreMasked() {
    CoreCall call = planner.plan(step(p -> p.setCredentialsId("gh-step")), AegisSettings.NONE, Map.of("GITHUB_TOKEN", "from-env"));

    assertThat(call.environment()).containsEntry("GITHUB_TOKEN", "ghp_step");
    assertThat(call.secrets()).contains("ghp_step");
  }

  @Test
  void withCredentialsTokenInTheEnvironmentBeatsTheGlobalConfiguration() {
    CoreCall call = planner.plan(step(p -> {}), settings("gh-global", null, null), Map.of("GITHUB_TOKEN", "ghp_env"));

    assertThat(call.environment()).containsEntry("GITHUB_TOKEN", "ghp_env");
    assertThat(call.secrets()).containsExactly("ghp_env");
  }

  @Test
  void globalCredentialsApplyWhenNothingElseGivesAToken() {
    CoreCall call = planner.plan(step(p -> {}), settings("gh-global", null, null), Map.of());

    assertThat(call.environment()).containsEntry("GITHUB_TOKEN", "ghp_global");
  }

  @Test
  void modelKeyGoesToTheProviderVariableAndTheNeutralOne() {
    CoreCall call =
        planner.plan(step(p -> {
          p.setModelCredentialsId("llm");
          p.setModel("anthropic/claude-sonnet");
        }), AegisSettings.NONE, Map.of());

    assertThat(call.environment())
        .containsEntry("ANTHROPIC_API_KEY", "sk-model")
        .containsEntry("AEGIS_MODEL_API_KEY", "sk-model");
    assertThat(call.overrides()).containsEntry("model", "anthropic/claude-sonnet");
    assertThat(call.secrets()).contains("sk-model");
  }

  @Test
  void modelKeyAlreadyInTheEnvironmentIsNotReplacedByTheGlobalOne() {
    CoreCall call =
        planner.plan(step(p -> {}), settings(null, "llm", "openai/gpt-4.1"), Map.of("OPENAI_API_KEY", "sk-env"));

    assertThat(call.environment()).containsEntry("OPENAI_API_KEY", "sk-env").doesNotContainKey("AEGIS_MODEL_API_KEY");
  }

  @Test
  void unknownCredentialsIdFailsWithAnActionableMessage() {
    assertThatThrownBy(() -> planner.plan(step(p -> p.setCredentialsId("nope")), AegisSettings.NONE, Map.of()))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("no 'Secret text' credentials with id 'nope' (GitHub token)");
  }

  @Test
  void repositoryComesFromTheStepThenTheEnvironmentThenTheGlobalConfiguration() {
    AegisSettings global = new AegisSettings("octo/global", null, null, null, null, null, null, null, null, 10, 1, null, null);

    assertThat(planner.plan(step(p -> p.setRepository("octo/step")), global, Map.of("GITHUB_REPOSITORY", "octo/env")).overrides())
        .containsEntry("github.repository", "octo/step");
    assertThat(planner.plan(step(p -> {}), global, Map.of("GITHUB_REPOSITORY", "octo/env")).overrides())
        .doesNotContainKey("github.repository");
    assertThat(planner.plan(step(p -> {}), global, Map.of()).overrides()).containsEntry("github.repository", "octo/global");
  }

  @Test
  void apiUrlOverrideIsPassedUnderTheCoreKey() {
    CoreCall call = planner.plan(step(p -> p.setApiUrl("https://ghe.example.com/api/v3")), AegisSettings.NONE, Map.of());

    assertThat(call.overrides()).containsEntry("github.api-url", "https://ghe.example.com/api/v3");
  }

  @Test
  void secretLookingEnvironmentValuesAreMaskedButPlainOnesAreNot() {
    CoreCall call =
        planner.plan(step(p -> {}), AegisSettings.NONE, Map.of("SLACK_TOKEN", "xoxb-1", "DB_PASSWORD", "hunter2", "BUILD_NUMBER", "7"));

    assertThat(call.secrets()).containsExactlyInAnyOrder("xoxb-1", "hunter2");
    assertThat(call.environment()).containsEntry("BUILD_NUMBER", "7");
  }

  @Test
  void stepValuesReachTheHostRequest() {
    CoreCall call =
        planner.plan(step(p -> {
          p.setIssue("42");
          p.setDryRun(true);
        }), AegisSettings.NONE, Map.of());

    var request = call.toHostRequest(java.nio.file.Path.of("/ws"));
    assertThat(request.command()).isEqualTo(HostCommand.PICKUP);
    assertThat(request.issueId()).contains("42");
    assertThat(request.dryRun()).isTrue();
    assertThat(request.workspace()).isEqualTo(java.nio.file.Path.of("/ws"));
  }

  @Test
  void toStringNeverShowsTheEnvironment() {
    CoreCall call = planner.plan(step(p -> p.setCredentialsId("gh-step")), AegisSettings.NONE, Map.of());

    assertThat(call.toString()).doesNotContain("ghp_step");
  }

  private static StepParameters step(java.util.function.Consumer<AegisStep> configure) {
    AegisStep step = new AegisStep("pickup");
    configure.accept(step);
    return StepParameters.of(step);
  }

  private static AegisSettings settings(String credentialsId, String modelCredentialsId, String model) {
    return new AegisSettings(null, null, null, credentialsId, modelCredentialsId, model, null, null, null, 10, 1, null, null);
  }
}
