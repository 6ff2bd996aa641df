package dev.aegis.jenkins;

import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;

/**
 * Remembers which work keys the scan already started, so the same work is never started twice while the
 * tracker catches up (a claimed issue can stay in the ready listing for a scan or two). Keys are forgotten
 * after {@code memory}; by then the tracker's own state (claim labels, the run's status comment) answers.
 * In memory only: after a restart the core's atomic claim still prevents a second run.
 */
public final class WorkDeduplicator {
  private final Duration memory;
  private final Map<String, Instant> started = new HashMap<>();

  public WorkDeduplicator(Duration memory) {
    this.memory = Objects.requireNonNull(memory, "memory");
    if (memory.isNegative() || memory.isZero()) {
      throw new IllegalArgumentException("memory must be positive: " + memory);
    }
  }

  /**
   * Records {@code key} as started at {@code now}.
   *
   * @return true when the key is new (start the work); false when it was started within the memory window
   */
  public synchronized boolean firstTime(String key, Instant now) {
    started.values().removeIf(at -> at.plus(memory).isBefore(now));
    return started.putIfAbsent(key, now) == null;
  }

  /** Forgets a key whose start failed, so the next scan tries again. */
  public synchronized void forget(String key) {
    started.remove(key);
  }

  synchronized int size() {
    return started.size();
  }
}
