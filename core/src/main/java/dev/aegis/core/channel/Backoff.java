package dev.aegis.core.channel;

import java.time.Duration;
import java.util.Objects;
import java.util.random.RandomGenerator;

/**
 * Bounded retries with exponential backoff and jitter: attempt {@code n} (from 1) waits between half and all
 * of {@code base * 2^(n-1)}, capped at {@code max}, before the next one.
 *
 * @param attempts how many tries in all, 1 or more
 * @param base the first wait
 * @param max the longest wait
 * @param random where the jitter comes from
 */
record Backoff(int attempts, Duration base, Duration max, RandomGenerator random) {
  Backoff {
    if (attempts < 1) {
      throw new IllegalArgumentException("attempts must be 1 or more, got " + attempts);
    }
    Objects.requireNonNull(base, "base");
    Objects.requireNonNull(max, "max");
    Objects.requireNonNull(random, "random");
  }

  /** The wait after failed attempt {@code attempt} (1-based). */
  Duration after(int attempt) {
    long full = Math.min(max.toMillis(), base.toMillis() << Math.min(20, attempt - 1));
    long half = full / 2;
    return Duration.ofMillis(half + (full - half == 0 ? 0 : random.nextLong(full - half + 1)));
  }

  /** Sleeps the wait after {@code attempt}, or {@code asked} when the server named a longer one. */
  void pause(int attempt, Duration asked) throws InterruptedException {
    Duration wait = after(attempt);
    if (asked != null && asked.compareTo(wait) > 0) {
      wait = asked.compareTo(max) > 0 ? max : asked;
    }
    Thread.sleep(wait.toMillis());
  }
}
