package dev.aegis.core.tracker.linear;

import java.time.Duration;
import java.time.Instant;
import okhttp3.Headers;

/**
 * Reads Linear's rate-limit headers: {@code Retry-After} (seconds), and for the request and complexity budgets
 * {@code X-RateLimit-Requests-Remaining}/{@code -Reset} and {@code X-RateLimit-Complexity-Remaining}/{@code
 * -Reset} (reset times are UTC epoch milliseconds).
 */
final class RateLimits {
  private RateLimits() {}

  /** How long until the spent budget refills, or null when the headers do not say. */
  static Duration untilReset(Headers headers, Instant now) {
    Long retryAfter = number(headers.get("Retry-After"));
    if (retryAfter != null) {
      return Duration.ofSeconds(Math.max(0, retryAfter));
    }
    Instant reset = null;
    if (spent(headers, "X-RateLimit-Requests-Remaining")) {
      reset = later(reset, instant(headers.get("X-RateLimit-Requests-Reset")));
    }
    if (spent(headers, "X-RateLimit-Complexity-Remaining")) {
      reset = later(reset, instant(headers.get("X-RateLimit-Complexity-Reset")));
    }
    if (reset == null) {
      reset = later(instant(headers.get("X-RateLimit-Requests-Reset")),
          instant(headers.get("X-RateLimit-Complexity-Reset")));
    }
    if (reset == null) {
      return null;
    }
    Duration wait = Duration.between(now, reset);
    return wait.isNegative() ? Duration.ZERO : wait;
  }

  /** Exponential backoff for answers that do not say when to retry: 1 s, 2 s, 4 s... */
  static Duration backoff(int attempt) {
    return Duration.ofSeconds(1L << Math.min(attempt - 1, 6));
  }

  private static boolean spent(Headers headers, String name) {
    Long remaining = number(headers.get(name));
    return remaining != null && remaining <= 0;
  }

  private static Instant instant(String value) {
    Long number = number(value);
    if (number == null) {
      return null;
    }
    return number < 100_000_000_000L ? Instant.ofEpochSecond(number) : Instant.ofEpochMilli(number);
  }

  private static Instant later(Instant a, Instant b) {
    if (a == null) {
      return b;
    }
    return b == null || a.isAfter(b) ? a : b;
  }

  private static Long number(String value) {
    if (value == null || value.isBlank()) {
      return null;
    }
    try {
      return (long) Double.parseDouble(value.trim());
    } catch (NumberFormatException e) {
      return null;
    }
  }
}
