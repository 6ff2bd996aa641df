package dev.aegis.core.tracker.github;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.function.Function;

/**
 * How long GitHub asks a rate-limited client to wait. Primary limit: 403 or 429 with
 * {@code x-ratelimit-remaining: 0}, wait until {@code x-ratelimit-reset} (epoch seconds). Secondary limit:
 * {@code retry-after} seconds, or at least a minute when GitHub gives no figure (its documented advice).
 */
final class RateLimitWait {
  static final Duration SECONDARY_DEFAULT = Duration.ofMinutes(1);
  private static final Duration MINIMUM = Duration.ofSeconds(1);

  private RateLimitWait() {}

  /**
   * The wait for a response, or empty when it is not rate limited.
   *
   * @param status HTTP status
   * @param header header lookup (case-insensitive), null when absent
   * @param now the current time, to turn a reset time into a wait
   */
  static Optional<Duration> of(int status, Function<String, String> header, Instant now) {
    if (status != 403 && status != 429) {
      return Optional.empty();
    }
    String retryAfter = header.apply("retry-after");
    if (retryAfter != null) {
      try {
        return Optional.of(atLeastMinimum(Duration.ofSeconds(Long.parseLong(retryAfter.trim()))));
      } catch (NumberFormatException e) {
        return Optional.of(SECONDARY_DEFAULT);
      }
    }
    String reset = header.apply("x-ratelimit-reset");
    if ("0".equals(header.apply("x-ratelimit-remaining")) && reset != null) {
      try {
        return Optional.of(atLeastMinimum(Duration.between(now, Instant.ofEpochSecond(Long.parseLong(reset.trim())))));
      } catch (NumberFormatException e) {
        return Optional.of(SECONDARY_DEFAULT);
      }
    }
    if (status == 429 || header.apply("gh-limited-by") != null) {
      return Optional.of(SECONDARY_DEFAULT);
    }
    return Optional.empty();
  }

  private static Duration atLeastMinimum(Duration wait) {
    return wait.compareTo(MINIMUM) < 0 ? MINIMUM : wait;
  }
}
