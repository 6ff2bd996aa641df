package dev.aegis.jenkins;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ConfigValidationTest {

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
    assertThat(ConfigValidation.workerJob("aegis/worker").kind()).isEqualTo(Check.Kind.OK);
    assertThat(ConfigValidation.workerJob("").kind()).isEqualTo(Check.Kind.WARNING);
    assertThat(ConfigValidation.workerJob("/aegis/worker").kind()).isEqualTo(Check.Kind.ERROR);
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
