package dev.aegis.testkit.github;

import java.time.Duration;
import java.util.Objects;

/**
 * A failure the fake answers instead of serving a request, as GitHub would send it. Build one with the
 * factories and arm it with {@link FakeGitHub#failNext(String, String, int, Fault)}.
 *
 * @param status HTTP status
 * @param message GitHub's {@code message} in the error body
 * @param retryAfter value of the {@code retry-after} header, or null for none (secondary rate limits)
 * @param resetIn time until {@code x-ratelimit-reset}, with {@code x-ratelimit-remaining: 0}, or null (primary
 *     rate limit)
 */
public record Fault(int status, String message, Duration retryAfter, Duration resetIn) {
  public Fault {
    Objects.requireNonNull(message, "message");
    if (status < 400 || status > 599) {
      throw new IllegalArgumentException("a fault is an error status: " + status);
    }
  }

  /** {@code 500 Server Error}. */
  public static Fault serverError() {
    return new Fault(500, "Server Error", null, null);
  }

  /** {@code 502 Bad Gateway}, as GitHub's front end sends when a backend times out. */
  public static Fault badGateway() {
    return new Fault(502, "Server Error", null, null);
  }

  /** Primary rate limit: 403 with {@code x-ratelimit-remaining: 0} and a reset {@code resetIn} from now. */
  public static Fault rateLimited(Duration resetIn) {
    return new Fault(403, "API rate limit exceeded for user.", null, Objects.requireNonNull(resetIn, "resetIn"));
  }

  /** Secondary rate limit: 429 with {@code retry-after}. */
  public static Fault tooManyRequests(Duration retryAfter) {
    return new Fault(
        429,
        "You have exceeded a secondary rate limit. Please wait a few minutes before you try again.",
        Objects.requireNonNull(retryAfter, "retryAfter"),
        null);
  }

  /** Secondary rate limit in its older form: 403 with {@code retry-after}. */
  public static Fault secondaryRateLimit(Duration retryAfter) {
    return new Fault(
        403,
        "You have exceeded a secondary rate limit. Please wait a few minutes before you try again.",
        Objects.requireNonNull(retryAfter, "retryAfter"),
        null);
  }

  /** Any other error status with GitHub's error body. */
  public static Fault status(int status, String message) {
    return new Fault(status, message, null, null);
  }
}
