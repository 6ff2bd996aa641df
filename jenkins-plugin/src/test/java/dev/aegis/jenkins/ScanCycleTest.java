package dev.aegis.jenkins;

import static org.assertj.core.api.Assertions.assertThat;

import dev.aegis.core.host.HostCommand;
import dev.aegis.core.host.WorkItem;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class ScanCycleTest {
  private static final Instant T0 = Instant.parse("2026-01-01T10:00:00Z");
  private static final WorkItem PLAN_42 = new WorkItem("plan:#42:42-a:1", HostCommand.PLAN, "42", "42-a");
  private static final WorkItem PROCEED_7 = new WorkItem("implement:#7:7-b:2", HostCommand.IMPLEMENT, "7", "7-b");

  private final WorkStarter starter = new WorkStarter(Duration.ofHours(24));
  private final ScanCycle cycle = new ScanCycle(starter);
  private final RecordingLog log = new RecordingLog();
  private final List<String> launched = new ArrayList<>();
  private final AtomicInteger sourcesBuilt = new AtomicInteger();
  private final AtomicInteger coreCalls = new AtomicInteger();

  @Test
  void dueScanStartsTheWorkerOncePerWorkItemWithItsParameters() {
    ScanReport report = tick(ScanSchedulerTest.configured(10, 1), T0, List.of(PLAN_42, PROCEED_7));

    assertThat(report.starts().started()).containsExactly(PLAN_42, PROCEED_7);
    assertThat(launched).containsExactly("aegis/worker {ISSUE=42, COMMAND=plan, RUN_ID=42-a}",
        "aegis/worker {ISSUE=7, COMMAND=implement, RUN_ID=7-b}");
    assertThat(log.lines).contains("Started aegis/worker for plan #42 (run 42-a)");
  }

  @Test
  void theSameWorkSeenAgainIsNeverStartedTwice() {
    AegisSettings settings = ScanSchedulerTest.configured(10, 1);
    tick(settings, T0, List.of(PLAN_42));

    ScanReport second = tick(settings, T0.plus(Duration.ofMinutes(10)), List.of(PLAN_42, PROCEED_7));

    assertThat(second.starts().skipped()).containsExactly(PLAN_42);
    assertThat(second.starts().started()).containsExactly(PROCEED_7);
    assertThat(launched).hasSize(2);
  }

  @Test
  void notDueTicksMakeNoCoreCall() {
    AegisSettings settings = ScanSchedulerTest.configured(10, 1);
    tick(settings, T0, List.of());

    ScanReport report = tick(settings, T0.plus(Duration.ofMinutes(3)), List.of(PLAN_42));

    assertThat(report.decision()).isEqualTo(ScanDecision.NOT_DUE);
    assertThat(sourcesBuilt).hasValue(1);
    assertThat(coreCalls).hasValue(1);
  }

  @Test
  void aPausedConfigurationMakesNoCoreCallAtAllAndSaysSo() {
    ScanReport report = tick(ScanSchedulerTest.configured(10, 0), T0, List.of(PLAN_42));

    assertThat(report.decision()).isEqualTo(ScanDecision.PAUSED);
    assertThat(sourcesBuilt).hasValue(0);
    assertThat(coreCalls).hasValue(0);
    assertThat(launched).isEmpty();
    assertThat(log.lines).containsExactly("Aegis is paused (max concurrent runs is 0): nothing scanned.");
  }

  @Test
  void resumingAfterAPauseScansAtTheNextTick() {
    tick(ScanSchedulerTest.configured(10, 1), T0, List.of());
    tick(ScanSchedulerTest.configured(10, 0), T0.plus(Duration.ofMinutes(10)), List.of(PLAN_42));

    ScanReport resumed = tick(ScanSchedulerTest.configured(10, 1), T0.plus(Duration.ofMinutes(11)), List.of(PLAN_42));

    assertThat(resumed.starts().started()).containsExactly(PLAN_42);
  }

  @Test
  void workWhoseStartFailedIsRetriedEvenThoughTheCoreReportsItOnlyOnce() {
    // the core records a claim or an approval as it hands the work out: it will not report it again
    AegisSettings settings = ScanSchedulerTest.configured(10, 1);
    ScanReport first =
        cycle.tick(settings, T0, () -> source(List.of(PLAN_42)), (job, item) -> WorkerLauncher.Launch.NO_SUCH_JOB, log);

    ScanReport second = tick(settings, T0.plus(Duration.ofMinutes(10)), List.of());

    assertThat(first.starts().failed()).containsExactly(PLAN_42);
    assertThat(log.warnings)
        .contains("Could not start aegis/worker for plan #42 (run 42-a): no job has that full name; will retry");
    assertThat(second.starts().started()).containsExactly(PLAN_42);
  }

  @Test
  void aLauncherThatThrowsCountsAsAFailedStart() {
    ScanReport report =
        cycle.tick(ScanSchedulerTest.configured(10, 1), T0, () -> source(List.of(PLAN_42)), (job, item) -> {
          throw new IllegalStateException("queue is shutting down");
        }, log);

    assertThat(report.starts().failed()).containsExactly(PLAN_42);
  }

  @Test
  void aFailingSourceIsLoggedAndPendingRetriesStillGo() {
    AegisSettings settings = ScanSchedulerTest.configured(10, 1);
    cycle.tick(settings, T0, () -> source(List.of(PLAN_42)), (job, item) -> WorkerLauncher.Launch.NOT_BUILDABLE, log);

    ScanReport report =
        cycle.tick(
            settings,
            T0.plus(Duration.ofMinutes(10)),
            () -> (s, l) -> {
              throw new IllegalStateException("GitHub said 502");
            },
            (job, item) -> WorkerLauncher.Launch.SCHEDULED,
            log);

    assertThat(report.starts().started()).containsExactly(PLAN_42);
    assertThat(log.warnings).contains("Aegis scan failed, will retry: GitHub said 502");
  }

  @Test
  void anUnconfiguredControllerSaysWhatIsMissing() {
    ScanReport report = tick(Settings.configured().githubLogin(null).build(), T0, List.of(PLAN_42));

    assertThat(report.decision()).isEqualTo(ScanDecision.NOT_CONFIGURED);
    assertThat(coreCalls).hasValue(0);
    assertThat(log.lines).singleElement().asString().startsWith("Aegis scan idle: no GitHub login");
  }

  private ScanReport tick(AegisSettings settings, Instant now, List<WorkItem> work) {
    return cycle.tick(
        settings,
        now,
        () -> source(work),
        (job, item) -> {
          launched.add(job + " " + WorkerParameters.of(item));
          return WorkerLauncher.Launch.SCHEDULED;
        },
        log);
  }

  private WorkSource source(List<WorkItem> work) {
    sourcesBuilt.incrementAndGet();
    return (settings, log) -> {
      coreCalls.incrementAndGet();
      return work;
    };
  }
}
