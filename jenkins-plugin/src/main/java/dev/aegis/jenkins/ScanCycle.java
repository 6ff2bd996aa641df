package dev.aegis.jenkins;

import dev.aegis.core.host.HostLog;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Supplier;

/**
 * The periodic scan without Jenkins: on each tick, decide (paused, not configured, not due, due), ask the
 * work source, and start the worker for each piece of work not started before. One instance lives as long
 * as the {@code AegisScan} extension; ticks never overlap (Jenkins skips a tick while the previous runs).
 */
public final class ScanCycle {
  private final ScanScheduler scheduler = new ScanScheduler();
  private final WorkDeduplicator deduplicator;
  private final AtomicBoolean requested = new AtomicBoolean();
  private volatile Instant lastScan;

  public ScanCycle(WorkDeduplicator deduplicator) {
    this.deduplicator = deduplicator;
  }

  /** Asks for a scan on the next tick, before the period elapses (a verified webhook event). */
  public void requestScan() {
    requested.set(true);
  }

  /**
   * Runs one tick.
   *
   * @param settings the configuration read for this tick
   * @param now the tick's time
   * @param sources builds the work source only when a scan is due (it resolves credentials)
   * @param launcher starts worker builds
   * @param log the scan log
   */
  public ScanReport tick(
      AegisSettings settings, Instant now, Supplier<WorkSource> sources, WorkerLauncher launcher, HostLog log) {
    ScanDecision decision = scheduler.decide(settings, now, lastScan, requested.get());
    switch (decision) {
      case PAUSED -> log.line("Aegis is paused (max concurrent runs is 0): nothing scanned.");
      case NOT_CONFIGURED -> log.line("Aegis scan idle: " + scheduler.missingConfiguration(settings) + ".");
      default -> {
        // NOT_DUE stays quiet: it happens every minute
      }
    }
    if (decision != ScanDecision.DUE) {
      return ScanReport.idle(decision);
    }
    requested.set(false);
    Instant since = lastScan == null ? now.minus(Duration.ofMinutes(settings.scanPeriodMinutes())) : lastScan;
    lastScan = now;

    List<WorkItem> work;
    try {
      work = sources.get().findWork(new ScanRequest(settings, since), log);
    } catch (RuntimeException e) {
      log.warn("Aegis scan failed, will retry next period: " + e.getMessage());
      return ScanReport.idle(decision);
    }
    return start(settings.workerJob(), work, now, launcher, log);
  }

  private ScanReport start(
      String job, List<WorkItem> work, Instant now, WorkerLauncher launcher, HostLog log) {
    List<WorkItem> started = new ArrayList<>();
    List<WorkItem> skipped = new ArrayList<>();
    List<WorkItem> failed = new ArrayList<>();
    for (WorkItem item : work) {
      if (!deduplicator.firstTime(item.key(), now)) {
        skipped.add(item);
        continue;
      }
      WorkerLauncher.Launch launch;
      try {
        launch = launcher.launch(job, item);
      } catch (RuntimeException e) {
        log.warn("Could not start " + job + " for " + item.describe() + ": " + e.getMessage());
        deduplicator.forget(item.key());
        failed.add(item);
        continue;
      }
      if (launch == WorkerLauncher.Launch.SCHEDULED) {
        log.line("Started " + job + " for " + item.describe());
        started.add(item);
      } else {
        log.warn("Could not start " + job + " for " + item.describe() + ": " + explain(launch));
        deduplicator.forget(item.key());
        failed.add(item);
      }
    }
    return new ScanReport(ScanDecision.DUE, started, skipped, failed);
  }

  private static String explain(WorkerLauncher.Launch launch) {
    return switch (launch) {
      case NO_SUCH_JOB -> "no job has that full name";
      case NOT_BUILDABLE -> "the job is disabled or cannot take parameters";
      case SCHEDULED -> "scheduled";
    };
  }
}
