package dev.aegis.core.tracker.github;

import java.time.Duration;

/** Waits between retries. Production code sleeps the thread; tests pass a sleeper that only records. */
@FunctionalInterface
public interface Sleeper {
  /** The thread's own sleep. */
  Sleeper THREAD = duration -> Thread.sleep(duration.toMillis());

  void sleep(Duration duration) throws InterruptedException;
}
