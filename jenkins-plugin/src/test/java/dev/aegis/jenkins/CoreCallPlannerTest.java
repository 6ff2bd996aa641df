package dev.aegis.jenkins;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.aegis.core.host.HostCommand;
import dev.aegis.core.model.ModelClients;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class CoreCallPlannerTest {
  private final Map<String, String> credentials = new HashMap<>(Map.of("gh-step", "ghp_step", "gh-global", "ghp_global", "llm", "sk-model"));
  private final CoreCallPlanner planner = new CoreCallPlanner(id -> Optional.ofNullable(credentials.get(id)));

  @Test
  void stepCredentialsBecomeGithubTokenAndAreMasked() {
    CoreCall call = planner.plan(step(p -> p.setCredentialsId("gh-step")), AegisSettings.NONE, Map.of("GITHUB_TOKEN", "from-env"), null);

    assertThat(call.environment()).containsEntry("GITHUB_TOKEN", "ghp_step");
    assertThat(call.secrets()).contains("ghp_step");
  }

  @Test
  void withCredentialsTokenInTheEnvironmentBeatsTheGlobalConfiguration() {
    CoreCall call = planner.plan(step(p -> {}), settings("gh-global", null, null), Map.of("GITHUB_TOKEN", "ghp_env"), null);

    assertThat(call.environment()).containsEntry("GITHUB_TOKEN", "ghp_env");
    assertThat(call.secrets()).containsExactly("ghp_env");
  }

  @Test
  void globalCredentialsApplyWhenNothingElseGivesAToken() {
    CoreCall call = planner.plan(step(p -> {}), settings("gh-global", null, null), Map.of(), null);

    assertThat(call.environment()).containsEntry("GITHUB_TOKEN", "ghp_global");
  }

  @Test
  void theStepsModelKeyGoesUnderTheCoresNeutralNameAndWinsOverTheEnvironment() {
    CoreCall call =
        planner.plan(step(p -> {
          p.setModelCredentialsId("llm");
          p.setModel("anthropic/claude-sonnet");
        }), AegisSettings.NONE, Map.of("ANTHROPIC_API_KEY", "sk-env"), null);

    assertThat(call.environment())
        .containsEntry(ModelClients.NEUTRAL_KEY_VARIABLE, "sk-model")
        .doesNotContainKey("ANTHROPIC_API_KEY");
    assertThat(call.overrides()).containsEntry("model", "anthropic/claude-sonnet");
    assertThat(call.secrets()).contains("sk-model");
  }

  @Test
  void theGlobalModelKeyReachesAWorkerThatLearnsItsModelFromItsCheckout() {
    // no model in Jenkins: the worker's core reads it from .aegis/config.yml (or its default) after this plan
    CoreCall call = planner.plan(step(p -> {}), settings(null, "llm", null), Map.of(), null);

    assertThat(call.environment()).containsEntry(ModelClients.NEUTRAL_KEY_VARIABLE, "sk-model");
    assertThat(call.overrides()).doesNotContainKey("model");
  }

  @Test
  void aKeyTheCoreWouldNotReadForTheModelDoesNotStopTheGlobalOne() {
    CoreCall call =
        planner.plan(step(p -> {}), settings(null, "llm", "openai/gpt-4.1"), Map.of("ANTHROPIC_API_KEY", "sk-other"), null);

    assertThat(call.environment()).containsEntry(ModelClients.NEUTRAL_KEY_VARIABLE, "sk-model");
  }

  @Test
  void modelKeyAlreadyInTheEnvironmentIsNotReplacedByTheGlobalOne() {
    CoreCall call =
        planner.plan(step(p -> {}), settings(null, "llm", "openai/gpt-4.1"), Map.of("OPENAI_API_KEY", "sk-env"), null);

    assertThat(call.environment()).containsEntry("OPENAI_API_KEY", "sk-env").doesNotContainKey("AEGIS_MODEL_API_KEY");
  }

  @Test
  void unknownCredentialsIdFailsWithAnActionableMessage() {
    assertThatThrownBy(() -> planner.plan(step(p -> p.setCredentialsId("nope")), AegisSettings.NONE, Map.of(), null))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("no 'Secret text' credentials with id 'nope' (GitHub token)");
  }

  @Test
  void repositoryComesFromTheStepThenTheEnvironmentThenTheGlobalConfiguration() {
    AegisSettings global = Settings.none().repository("octo/global").build();

    assertThat(planner.plan(step(p -> p.setRepository("octo/step")), global, Map.of("GITHUB_REPOSITORY", "octo/env"), null).overrides())
        .containsEntry("github.repository", "octo/step");
    assertThat(planner.plan(step(p -> {}), global, Map.of("GITHUB_REPOSITORY", "octo/env"), null).overrides())
        .doesNotContainKey("github.repository");
    assertThat(planner.plan(step(p -> {}), global, Map.of(), null).overrides()).containsEntry("github.repository", "octo/global");
  }

  @Test
  void apiUrlOverrideIsPassedUnderTheCoreKey() {
    CoreCall call = planner.plan(step(p -> p.setApiUrl("https://ghe.example.com/api/v3")), AegisSettings.NONE, Map.of(), null);

    assertThat(call.overrides()).containsEntry("github.api-url", "https://ghe.example.com/api/v3");
  }

  @Test
  void secretLookingEnvironmentValuesAreMaskedButPlainOnesAreNot() {
    CoreCall call =
        planner.plan(step(p -> {}), AegisSettings.NONE, Map.of("SLACK_TOKEN", "xoxb-1", "DB_PASSWORD", "hunter2", "BUILD_NUMBER", "7"), null);

    assertThat(call.secrets()).containsExactlyInAnyOrder("xoxb-1", "hunter2");
    assertThat(call.environment()).containsEntry("BUILD_NUMBER", "7");
  }

  @Test
  void credentialsTheCoreSpotsByNameOrValueAreMaskedToo() {
    Map<String, String> environment = Map.of(
        "DATABASE_URL", "postgres://app:pw-1234@db/prod", "DEPLOY_WEBHOOK", "https://hooks.example.com/T0/B0/x",
        "UPSTREAM", "https://ci:hunter22@mirror.example.com/repo.git", "BUILD_URL", "https://ci.example.com/job/1/");

    CoreCall call = planner.plan(step(p -> {}), AegisSettings.NONE, environment, null);

    assertThat(call.secrets())
        .containsExactlyInAnyOrder("postgres://app:pw-1234@db/prod", "https://hooks.example.com/T0/B0/x",
            "https://ci:hunter22@mirror.example.com/repo.git");
  }

  @Test
  void stepValuesReachTheHostRequest() {
    CoreCall call =
        planner.plan(step(p -> {
          p.setIssue("42");
          p.setDryRun(true);
        }), AegisSettings.NONE, Map.of(), null);

    var request = call.toHostRequest(java.nio.file.Path.of("/ws"));
    assertThat(request.command()).isEqualTo(HostCommand.PICKUP);
    assertThat(request.issueId()).contains("42");
    assertThat(request.dryRun()).isTrue();
    assertThat(request.workspace()).isEqualTo(java.nio.file.Path.of("/ws"));
  }

  @Test
  void theRecordsDirectoryReachesTheCoreAsAegisRecordsDir() {
    CoreCall call = planner.plan(step(p -> {}), AegisSettings.NONE, Map.of(), "/agent/ws@tmp/aegis-records/c1");

    assertThat(call.environment()).containsEntry("AEGIS_RECORDS_DIR", "/agent/ws@tmp/aegis-records/c1");
    assertThat(planner.plan(step(p -> {}), AegisSettings.NONE, Map.of("AEGIS_RECORDS_DIR", "/mine"), null).environment())
        .containsEntry("AEGIS_RECORDS_DIR", "/mine");
  }

  @Test
  void theGlobalConfigurationGivesEveryCallItsLoginAndConcurrency() {
    AegisSettings global = Settings.configured().maxConcurrentRuns(0).labels("ready", "defect").mode("auto").build();

    Map<String, String> overrides = planner.plan(step(p -> {}), global, Map.of("GITHUB_TOKEN", "t"), null).overrides();

    assertThat(overrides)
        .containsEntry("github.login", "aegis-bot")
        .containsEntry("max-concurrent-runs", "0")
        .containsEntry("labels.ready", "ready")
        .containsEntry("labels.bug", "defect")
        .containsEntry("mode", "auto");
  }

  @Test
  void aLoginSetForTheBuildBeatsTheGlobalOne() {
    AegisSettings global = Settings.configured().build();

    assertThat(planner.plan(step(p -> {}), global, Map.of("AEGIS_GITHUB_LOGIN", "other-bot", "GITHUB_TOKEN", "t"), null).overrides())
        .doesNotContainKey("github.login");
  }

  @Test
  void aLinearTeamReachesTheStepWithTheTrackersItImplies() {
    AegisSettings global = Settings.configured().linearTeam("ENG").build();

    Map<String, String> overrides = planner.plan(step(p -> {}), global, Map.of("GITHUB_TOKEN", "t"), null).overrides();

    assertThat(overrides).containsEntry("linear.team", "ENG").containsEntry("trackers", "github,linear");
  }

  @Test
  void withoutALinearTeamTheStepGetsNoTrackersAndItsRepositoryFileDecides() {
    Map<String, String> overrides =
        planner.plan(step(p -> {}), Settings.configured().build(), Map.of("GITHUB_TOKEN", "t"), null).overrides();

    assertThat(overrides).doesNotContainKeys("linear.team", "trackers");
  }

  @Test
  void trackersSetInTheControllersYamlReachTheWorkersToo() {
    AegisSettings global = Settings.configured().linearTeam("ENG").configYaml("trackers: [linear]\n").build();

    Map<String, String> overrides = planner.plan(step(p -> {}), global, Map.of("GITHUB_TOKEN", "t"), null).overrides();

    assertThat(overrides).containsEntry("trackers", "linear").containsEntry("linear.team", "ENG");
  }

  @Test
  void theGlobalLinearKeyBecomesLinearApiKeyAndIsMasked() {
    credentials.put("linear", "lin_api_global");
    AegisSettings global = Settings.configured().linearTeam("ENG").linearCredentialsId("linear").build();

    CoreCall call = planner.plan(step(p -> {}), global, Map.of("GITHUB_TOKEN", "t"), null);

    assertThat(call.environment()).containsEntry("LINEAR_API_KEY", "lin_api_global");
    assertThat(call.secrets()).contains("lin_api_global");
  }

  @Test
  void aLinearKeyFromWithCredentialsBeatsTheGlobalOneWhichIsNotEvenLookedUp() {
    AegisSettings global = Settings.configured().linearTeam("ENG").linearCredentialsId("missing-id").build();

    CoreCall call = planner.plan(step(p -> {}), global, Map.of("GITHUB_TOKEN", "t", "LINEAR_API_KEY", "lin_env"), null);

    assertThat(call.environment()).containsEntry("LINEAR_API_KEY", "lin_env");
    assertThat(call.secrets()).contains("lin_env");
  }

  @Test
  void aLinearKeyIdThatDoesNotResolveFailsTheStepNamingIt() {
    AegisSettings global = Settings.configured().linearCredentialsId("missing-id").build();

    assertThatThrownBy(() -> planner.plan(step(p -> {}), global, Map.of("GITHUB_TOKEN", "t"), null))
        .hasMessageContaining("'missing-id'")
        .hasMessageContaining("Linear API key");
  }

  @Test
  void theControllersYamlItselfNeverReachesAWorker() {
    AegisSettings global = Settings.configured().configYaml("budget:\n  max-steps: 3\n").build();

    CoreCall call = planner.plan(step(p -> {}), global, Map.of("GITHUB_TOKEN", "t"), null);

    assertThat(call.overrides()).doesNotContainKey("budget.max-steps");
    assertThat(call.environment().values()).noneMatch(value -> value.contains("max-steps"));
  }

  @Test
  void toStringNeverShowsTheEnvironment() {
    CoreCall call = planner.plan(step(p -> p.setCredentialsId("gh-step")), AegisSettings.NONE, Map.of(), null);

    assertThat(call.toString()).doesNotContain("ghp_step");
  }

  private static StepParameters step(java.util.function.Consumer<AegisStep> configure) {
    AegisStep step = new AegisStep("pickup");
    configure.accept(step);
    return StepParameters.of(step);
  }

  private static AegisSettings settings(String credentialsId, String modelCredentialsId, String model) {
    return Settings.none().credentialsId(credentialsId).modelCredentialsId(modelCredentialsId).model(model).build();
  }
}
