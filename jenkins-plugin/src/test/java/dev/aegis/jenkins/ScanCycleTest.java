package dev.aegis.jenkins;

import static org.assertj.core.api.Assertions.assertThat;

import dev.aegis.core.host.HostCommand;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class ScanCycleTest {
  private static final Instant T0 = Instant.parse("2026-01-01T10:00:00Z");
  private static final WorkItem PLAN_42 = new WorkItem("claim:42", HostCommand.PLAN, "42", "r-1");
  private static final WorkItem PROCEED_7 = new WorkItem("comment:99", HostCommand.IMPLEMENT, "7", "r-2");

  private final ScanCycle cycle = new ScanCycle(new WorkDeduplicator(Duration.ofHours(24)));
  private final RecordingLog log = new RecordingLog();
  private final List<String> launched = new ArrayList<>();
  private final AtomicInteger sourcesBuilt = new AtomicInteger();

  @Test
  void dueScanStartsTheWorkerOncePerWorkItem() {
    ScanReport report = tick(ScanSchedulerTest.configured(10, 1), T0, List.of(PLAN_42, PROCEED_7));

    assertThat(report.started()).containsExactly(PLAN_42, PROCEED_7);
    assertThat(launched).containsExactly("aegis/worker plan 42", "aegis/worker implement 7");
    assertThat(log.lines).contains("Started aegis/worker for plan #42 (run r-1)");
  }

  @Test
  void theSameWorkSeenAgainIsNeverStartedTwice() {
    AegisSettings settings = ScanSchedulerTest.configured(10, 1);
    tick(settings, T0, List.of(PLAN_42));

    ScanReport second = tick(settings, T0.plus(Duration.ofMinutes(10)), List.of(PLAN_42, PROCEED_7));

    assertThat(second.skipped()).containsExactly(PLAN_42);
    assertThat(second.started()).containsExactly(PROCEED_7);
    assertThat(launched).containsExactly("aegis/worker plan 42", "aegis/worker implement 7");
  }

  @Test
  void notDueTicksDoNotTouchTheTracker() {
    AegisSettings settings = ScanSchedulerTest.configured(10, 1);
    tick(settings, T0, List.of());

    ScanReport report = tick(settings, T0.plus(Duration.ofMinutes(3)), List.of(PLAN_42));

    assertThat(report.decision()).isEqualTo(ScanDecision.NOT_DUE);
    assertThat(sourcesBuilt).hasValue(1);
  }

  @Test
  void pausedScanDoesNothingAndSaysSo() {
    ScanReport report = tick(ScanSchedulerTest.configured(10, 0), T0, List.of(PLAN_42));

    assertThat(report.decision()).isEqualTo(ScanDecision.PAUSED);
    assertThat(sourcesBuilt).hasValue(0);
    assertThat(launched).isEmpty();
    assertThat(log.lines).containsExactly("Aegis is paused (max concurrent runs is 0): nothing scanned.");
  }

  @Test
  void workWhoseStartFailedIsRetriedOnTheNextScan() {
    AegisSettings settings = ScanSchedulerTest.configured(10, 1);
    ScanReport first =
        cycle.tick(settings, T0, () -> source(List.of(PLAN_42)), (job, item) -> WorkerLauncher.Launch.NO_SUCH_JOB, log);

    ScanReport second = tick(settings, T0.plus(Duration.ofMinutes(10)), List.of(PLAN_42));

    assertThat(first.failed()).containsExactly(PLAN_42);
    assertThat(log.warnings).contains("Could not start aegis/worker for plan #42 (run r-1): no job has that full name");
    assertThat(second.started()).containsExactly(PLAN_42);
  }

  @Test
  void aFailingSourceIsLoggedAndTheNextPeriodTriesAgain() {
    AegisSettings settings = ScanSchedulerTest.configured(10, 1);
    ScanReport report =
        cycle.tick(
            settings,
            T0,
            () -> (request, log) -> {
              throw new IllegalStateException("GitHub said 502");
            },
            (job, item) -> WorkerLauncher.Launch.SCHEDULED,
            log);

    assertThat(report.started()).isEmpty();
    assertThat(log.warnings).containsExactly("Aegis scan failed, will retry next period: GitHub said 502");
  }

  @Test
  void aRequestedScanRunsAtTheNextTickAndOnlyOnce() {
    AegisSettings settings = ScanSchedulerTest.configured(10, 1);
    tick(settings, T0, List.of());
    cycle.requestScan();

    assertThat(tick(settings, T0.plus(Duration.ofMinutes(1)), List.of()).decision()).isEqualTo(ScanDecision.DUE);
    assertThat(tick(settings, T0.plus(Duration.ofMinutes(2)), List.of()).decision()).isEqualTo(ScanDecision.NOT_DUE);
  }

  @Test
  void theApprovalWindowStartsAtThePreviousScan() {
    AegisSettings settings = ScanSchedulerTest.configured(10, 1);
    List<Instant> windows = new ArrayList<>();
    WorkSource recording = (request, log) -> {
      windows.add(request.since());
      return List.of();
    };
    cycle.tick(settings, T0, () -> recording, (job, item) -> WorkerLauncher.Launch.SCHEDULED, log);
    cycle.tick(settings, T0.plus(Duration.ofMinutes(10)), () -> recording, (job, item) -> WorkerLauncher.Launch.SCHEDULED, log);

    assertThat(windows).containsExactly(T0.minus(Duration.ofMinutes(10)), T0);
  }

  private ScanReport tick(AegisSettings settings, Instant now, List<WorkItem> work) {
    return cycle.tick(
        settings,
        now,
        () -> source(work),
        (job, item) -> {
          launched.add(job + " " + item.command().cliName() + " " + item.issue());
          return WorkerLauncher.Launch.SCHEDULED;
        },
        log);
  }

  private WorkSource source(List<WorkItem> work) {
    sourcesBuilt.incrementAndGet();
    return (request, log) -> work;
  }
}
