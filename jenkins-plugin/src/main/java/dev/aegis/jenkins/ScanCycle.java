package dev.aegis.jenkins;

import dev.aegis.core.host.HostLog;
import java.time.Instant;
import java.util.Objects;
import java.util.function.Supplier;

/**
 * The periodic scan without Jenkins: on each tick, decide (paused, not configured, not due, due) and, when
 * due, let the {@link WorkStarter} ask the work source and start the worker for each new piece of work. A
 * paused or unconfigured tick makes no core call at all. One instance lives as long as the {@code AegisScan}
 * extension; ticks never overlap (Jenkins skips a tick while the previous one runs).
 */
public final class ScanCycle {
  private final ScanScheduler scheduler = new ScanScheduler();
  private final WorkStarter starter;
  private volatile Instant lastScan;

  public ScanCycle(WorkStarter starter) {
    this.starter = Objects.requireNonNull(starter, "starter");
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
    ScanDecision decision = scheduler.decide(settings, now, lastScan);
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
    lastScan = now;
    WorkStarter.Starts starts =
        starter.findAndStart(
            () -> sources.get().findWork(settings, log), "Aegis scan", settings.workerJob(), launcher, now, log);
    return new ScanReport(decision, starts);
  }
}
