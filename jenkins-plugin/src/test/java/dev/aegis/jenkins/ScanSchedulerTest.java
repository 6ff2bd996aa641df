package dev.aegis.jenkins;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import org.junit.jupiter.api.Test;

class ScanSchedulerTest {
  private static final Instant T0 = Instant.parse("2026-01-01T10:00:00Z");
  private final ScanScheduler scheduler = new ScanScheduler();

  @Test
  void firstTickAfterStartScans() {
    assertThat(scheduler.decide(configured(10, 1), T0, null)).isEqualTo(ScanDecision.DUE);
  }

  @Test
  void scansAgainOnlyWhenThePeriodHasElapsed() {
    AegisSettings settings = configured(10, 1);

    assertThat(scheduler.decide(settings, T0.plusSeconds(9 * 60 + 59), T0)).isEqualTo(ScanDecision.NOT_DUE);
    assertThat(scheduler.decide(settings, T0.plusSeconds(10 * 60), T0)).isEqualTo(ScanDecision.DUE);
  }

  @Test
  void aChangedPeriodAppliesAtTheNextTick() {
    assertThat(scheduler.decide(configured(10, 1), T0.plusSeconds(120), T0)).isEqualTo(ScanDecision.NOT_DUE);
    assertThat(scheduler.decide(configured(2, 1), T0.plusSeconds(120), T0)).isEqualTo(ScanDecision.DUE);
  }

  @Test
  void zeroConcurrencyPausesEvenWhenDue() {
    assertThat(scheduler.decide(configured(10, 0), T0, null)).isEqualTo(ScanDecision.PAUSED);
  }

  @Test
  void withoutWorkerJobNothingIsScanned() {
    AegisSettings settings = Settings.configured().workerJob(null).build();

    assertThat(scheduler.decide(settings, T0, null)).isEqualTo(ScanDecision.NOT_CONFIGURED);
    assertThat(scheduler.missingConfiguration(settings)).startsWith("no worker job");
  }

  @Test
  void withoutTrackerOrTokenNothingIsScanned() {
    assertThat(scheduler.decide(AegisSettings.NONE, T0, null)).isEqualTo(ScanDecision.NOT_CONFIGURED);
    AegisSettings noToken = Settings.configured().credentialsId(null).build();
    assertThat(scheduler.missingConfiguration(noToken)).startsWith("no GitHub token");
  }

  @Test
  void withoutTheTokensLoginNothingIsScanned() {
    // Aegis finds its own status comments by this login; without it every claim would look foreign
    AegisSettings noLogin = Settings.configured().githubLogin(null).build();

    assertThat(scheduler.decide(noLogin, T0, null)).isEqualTo(ScanDecision.NOT_CONFIGURED);
    assertThat(scheduler.missingConfiguration(noLogin)).startsWith("no GitHub login");
  }

  @Test
  void aLinearTeamWithoutItsApiKeyScansNothingAndSaysSo() {
    AegisSettings noKey = Settings.configured().linearTeam("ENG").build();
    AegisSettings linearOnlyYamlNoKey = Settings.configured().configYaml("trackers: [linear]").build();

    assertThat(scheduler.missingConfiguration(noKey)).startsWith("no Linear API key");
    assertThat(scheduler.missingConfiguration(linearOnlyYamlNoKey)).startsWith("no Linear API key");
    assertThat(scheduler.missingConfiguration(Settings.configured().linearTeam("ENG").linearCredentialsId("l").build()))
        .isNull();
  }

  @Test
  void aClockThatWentBackwardsDoesNotStallScanning() {
    assertThat(scheduler.decide(configured(10, 1), T0.minusSeconds(3600), T0)).isEqualTo(ScanDecision.DUE);
  }

  static AegisSettings configured(int periodMinutes, int maxConcurrentRuns) {
    return Settings.configured().scanPeriodMinutes(periodMinutes).maxConcurrentRuns(maxConcurrentRuns).build();
  }
}
