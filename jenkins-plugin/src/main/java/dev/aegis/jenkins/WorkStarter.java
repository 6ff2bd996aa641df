package dev.aegis.jenkins;

import dev.aegis.core.host.HostLog;
import dev.aegis.core.host.WorkItem;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Supplier;

/**
 * Finds work with the core and starts the worker job once per piece of work, for the periodic scan and for
 * webhook events alike. One instance per controller. Calls are serialized: a scan and an event never read
 * the tracker at the same time, since two concurrent views of one approval could each record it and queue
 * the same implementation twice.
 *
 * <p>The core reports a piece of work once (it records the claim or the approval on the tracker as it hands
 * the work out), so work whose worker could not be started (no such job, job disabled) is kept here and
 * retried on every later call until it starts or {@code memory} has passed (by then stale-run recovery has
 * marked the run blocked). Kept in memory only: after a controller restart such a run is recovered as stale.
 */
public final class WorkStarter {
  private final WorkDeduplicator started;
  private final Duration memory;
  private final Map<String, Retry> retries = new LinkedHashMap<>();

  /**
   * @param memory how long started keys are remembered and failed starts retried
   */
  public WorkStarter(Duration memory) {
    this.memory = Objects.requireNonNull(memory, "memory");
    this.started = new WorkDeduplicator(memory);
  }

  /**
   * Asks {@code find} for work (one core call), then starts the worker job for each item not started before,
   * after retrying the items whose start failed earlier.
   *
   * @param find the core call; a {@link RuntimeException} from it is logged as {@code what} failed
   * @param what names the call in the log ("Aegis scan", "GitHub event issues")
   * @param job the worker job's full name
   * @param launcher starts builds
   * @param now the time of this call
   * @param log where decisions go
   */
  public synchronized Starts findAndStart(
      Supplier<List<WorkItem>> find, String what, String job, WorkerLauncher launcher, Instant now, HostLog log) {
    retries.values().removeIf(retry -> retry.since().plus(memory).isBefore(now));
    Map<String, WorkItem> work = new LinkedHashMap<>();
    retries.forEach((key, retry) -> work.put(key, retry.item()));
    try {
      find.get().forEach(item -> work.putIfAbsent(item.key(), item));
    } catch (RuntimeException e) {
      log.warn(what + " failed, will retry: " + e.getMessage());
    }
    List<WorkItem> ok = new ArrayList<>();
    List<WorkItem> skipped = new ArrayList<>();
    List<WorkItem> failed = new ArrayList<>();
    for (WorkItem item : work.values()) {
      if (!started.firstTime(item.key(), now)) {
        skipped.add(item);
      } else if (start(job, item, launcher, log)) {
        retries.remove(item.key());
        ok.add(item);
      } else {
        started.forget(item.key());
        retries.putIfAbsent(item.key(), new Retry(item, now));
        failed.add(item);
      }
    }
    return new Starts(ok, skipped, failed);
  }

  private static boolean start(String job, WorkItem item, WorkerLauncher launcher, HostLog log) {
    String what = WorkerParameters.describe(item);
    WorkerLauncher.Launch launch;
    try {
      launch = launcher.launch(job, item);
    } catch (RuntimeException e) {
      log.warn("Could not start " + job + " for " + what + ": " + e.getMessage() + "; will retry");
      return false;
    }
    if (launch == WorkerLauncher.Launch.SCHEDULED) {
      log.line("Started " + job + " for " + what);
      return true;
    }
    log.warn("Could not start " + job + " for " + what + ": " + explain(launch) + "; will retry");
    return false;
  }

  private static String explain(WorkerLauncher.Launch launch) {
    return switch (launch) {
      case NO_SUCH_JOB -> "no job has that full name";
      case NOT_BUILDABLE -> "the job is disabled or cannot take parameters";
      case SCHEDULED -> "scheduled";
    };
  }

  /**
   * What one call started.
   *
   * @param started work whose worker build was queued
   * @param skipped work already started earlier (deduplicated)
   * @param failed work that could not be started (retried on the next call)
   */
  public record Starts(List<WorkItem> started, List<WorkItem> skipped, List<WorkItem> failed) {
    public Starts {
      started = List.copyOf(started);
      skipped = List.copyOf(skipped);
      failed = List.copyOf(failed);
    }

    static Starts none() {
      return new Starts(List.of(), List.of(), List.of());
    }
  }

  private record Retry(WorkItem item, Instant since) {}
}
