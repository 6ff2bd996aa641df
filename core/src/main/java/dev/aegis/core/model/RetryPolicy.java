package dev.aegis.core.model;

import java.time.Duration;
import java.util.Objects;

/**
 * How a client retries rate limits (429), server errors (5xx) and timeouts: exponential backoff from
 * {@code baseDelay}, capped at {@code maxDelay}, with jitter; a {@code Retry-After} the server sends wins
 * when it is not longer than {@code maxRetryAfter} (a longer one fails at once, carrying the wait).
 *
 * @param maxRetries retries after the first attempt; 0 disables retrying
 */
public record RetryPolicy(int maxRetries, Duration baseDelay, Duration maxDelay, Duration maxRetryAfter) {
  public RetryPolicy {
    if (maxRetries < 0) {
      throw new IllegalArgumentException("maxRetries must not be negative");
    }
    Objects.requireNonNull(baseDelay, "baseDelay");
    Objects.requireNonNull(maxDelay, "maxDelay");
    Objects.requireNonNull(maxRetryAfter, "maxRetryAfter");
  }

  /** Five retries from one second up to thirty, waiting up to two minutes when told to. */
  public static RetryPolicy defaults() {
    return new RetryPolicy(5, Duration.ofSeconds(1), Duration.ofSeconds(30), Duration.ofMinutes(2));
  }

  /** The backoff before retry number {@code retry} (0-based), given a jitter draw in [0, 1). */
  Duration backoff(int retry, double jitter) {
    long base = baseDelay.toMillis() << Math.min(retry, 20);
    long capped = Math.min(Math.max(base, 0), maxDelay.toMillis());
    return Duration.ofMillis((long) (capped * (0.5 + jitter / 2)));
  }
}
