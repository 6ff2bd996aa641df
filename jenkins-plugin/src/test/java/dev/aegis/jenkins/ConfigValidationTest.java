package dev.aegis.jenkins;

import static org.assertj.core.api.Assertions.assertThat;

import dev.aegis.core.config.ConfigLoader;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ConfigValidationTest {
  /** Jenkins' jobs as the form check sees them: one that builds, one that is disabled, none else. */
  private static final Map<String, ConfigValidation.JobState> JOBS =
      Map.of("aegis/worker", ConfigValidation.JobState.BUILDABLE, "aegis/disabled", ConfigValidation.JobState.NOT_BUILDABLE);

  @Test
  void repositoryMustBeOwnerSlashName() {
    assertThat(ConfigValidation.repository("octo-org/shop.web").kind()).isEqualTo(Check.Kind.OK);
    assertThat(ConfigValidation.repository("").kind()).isEqualTo(Check.Kind.OK);
    assertThat(ConfigValidation.repository("octo-org").kind()).isEqualTo(Check.Kind.ERROR);
    assertThat(ConfigValidation.repository("a/b/c").kind()).isEqualTo(Check.Kind.ERROR);
  }

  @Test
  void apiUrlMustBeAbsoluteHttpAndPlainHttpIsAWarning() {
    assertThat(ConfigValidation.apiUrl("https://ghe.example.com/api/v3").kind()).isEqualTo(Check.Kind.OK);
    assertThat(ConfigValidation.apiUrl("http://ghe.local/api/v3").kind()).isEqualTo(Check.Kind.WARNING);
    assertThat(ConfigValidation.apiUrl("ghe.example.com").kind()).isEqualTo(Check.Kind.ERROR);
    assertThat(ConfigValidation.apiUrl("https://exa mple.com").kind()).isEqualTo(Check.Kind.ERROR);
  }

  @Test
  void scanPeriodIsBetweenOneMinuteAndOneDay() {
    assertThat(ConfigValidation.scanPeriodMinutes("10").kind()).isEqualTo(Check.Kind.OK);
    assertThat(ConfigValidation.scanPeriodMinutes("0").kind()).isEqualTo(Check.Kind.ERROR);
    assertThat(ConfigValidation.scanPeriodMinutes("1441").kind()).isEqualTo(Check.Kind.ERROR);
    assertThat(ConfigValidation.scanPeriodMinutes("ten").message()).isEqualTo("Scan period must be a whole number.");
  }

  @Test
  void zeroConcurrencyWarnsThatAegisIsPaused() {
    assertThat(ConfigValidation.maxConcurrentRuns("0").message()).startsWith("0 pauses Aegis");
    assertThat(ConfigValidation.maxConcurrentRuns("3").kind()).isEqualTo(Check.Kind.OK);
    assertThat(ConfigValidation.maxConcurrentRuns("-1").kind()).isEqualTo(Check.Kind.ERROR);
  }

  @Test
  void modeIsPlanFirstOrAuto() {
    assertThat(ConfigValidation.mode("auto").kind()).isEqualTo(Check.Kind.OK);
    assertThat(ConfigValidation.mode("yolo").kind()).isEqualTo(Check.Kind.ERROR);
  }

  @Test
  void workerJobIsAFullNameAndItsAbsenceIsAWarning() {
    assertThat(ConfigValidation.workerJob("aegis/worker", ConfigValidationTest::job).kind()).isEqualTo(Check.Kind.OK);
    assertThat(ConfigValidation.workerJob("", ConfigValidationTest::job).kind()).isEqualTo(Check.Kind.WARNING);
    assertThat(ConfigValidation.workerJob("/aegis/worker", ConfigValidationTest::job).kind()).isEqualTo(Check.Kind.ERROR);
  }

  @Test
  void aWorkerJobThatDoesNotExistIsAnError() {
    Check check = ConfigValidation.workerJob("aegis/wrker", ConfigValidationTest::job);

    assertThat(check.kind()).isEqualTo(Check.Kind.ERROR);
    assertThat(check.message()).startsWith("No job has the full name 'aegis/wrker'");
  }

  @Test
  void aWorkerJobThatCannotBuildIsAWarning() {
    assertThat(ConfigValidation.workerJob("aegis/disabled", ConfigValidationTest::job).message()).contains("cannot be built now");
  }

  @Test
  void modesRepositoriesNumbersAndLabelsAreTheCoresRules() {
    assertThat(ConfigValidation.modes())
        .isEqualTo(dev.aegis.core.config.ConfigKeys.find("mode").orElseThrow().choices());
    assertThat(ConfigValidation.mode("yolo").message())
        .containsIgnoringCase(ConfigLoader.problem("mode", "yolo").orElseThrow());
    assertThat(ConfigValidation.repository("a/b/c").message())
        .containsIgnoringCase(ConfigLoader.problem("github.repository", "a/b/c").orElseThrow());
    assertThat(ConfigValidation.maxConcurrentRuns("many").message())
        .containsIgnoringCase(ConfigLoader.problem("max-concurrent-runs", "many").orElseThrow());
    assertThat(ConfigValidation.label("bug,ready").message())
        .containsIgnoringCase(ConfigLoader.problem("labels.ready", "bug,ready").orElseThrow());
  }

  private static ConfigValidation.JobState job(String fullName) {
    return JOBS.getOrDefault(fullName, ConfigValidation.JobState.MISSING);
  }

  @Test
  void labelIsOneLabel() {
    assertThat(ConfigValidation.label("ready to implement").kind()).isEqualTo(Check.Kind.OK);
    assertThat(ConfigValidation.label("bug,ready").kind()).isEqualTo(Check.Kind.ERROR);
  }

  @Test
  void githubLoginAcceptsUsersAndAppBotsAndWarnsWhenMissing() {
    assertThat(ConfigValidation.githubLogin("aegis-bot").kind()).isEqualTo(Check.Kind.OK);
    assertThat(ConfigValidation.githubLogin("my-app[bot]").kind()).isEqualTo(Check.Kind.OK);
    assertThat(ConfigValidation.githubLogin(" ").kind()).isEqualTo(Check.Kind.WARNING);
    assertThat(ConfigValidation.githubLogin("two words").kind()).isEqualTo(Check.Kind.ERROR);
  }

  @Test
  void settingsRejectImpossibleNumbers() {
    org.assertj.core.api.Assertions.assertThatThrownBy(
            () -> Settings.none().scanPeriodMinutes(0).build())
        .isInstanceOf(IllegalArgumentException.class);
    assertThat(AegisSettings.NONE.paused()).isFalse();
  }
}
