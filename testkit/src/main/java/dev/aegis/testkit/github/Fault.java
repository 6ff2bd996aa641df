package dev.aegis.testkit.github;

import java.time.Duration;
import java.util.Objects;

/**
 * A failure the fake answers instead of (or after) serving a request, as GitHub sends it. Build one with the
 * factories and arm it with {@link FakeGitHub#failNext(String, String, int, Fault)} (before serving, by route
 * template) or {@link FakeGitHub#failNth(String, String, int, When, Fault)} (the N-th request matching a path
 * pattern, before or after serving it).
 *
 * @param kind what the client sees: an error answer, no answer within its read timeout, or a closed connection
 * @param status HTTP status of an {@link Kind#ANSWER}; 0 for the kinds that send no answer
 * @param message GitHub's {@code message} in the error body (empty for the kinds that send no answer)
 * @param retryAfter value of the {@code retry-after} header, or null for none (secondary rate limits)
 * @param resetIn time until {@code x-ratelimit-reset}, with {@code x-ratelimit-remaining: 0}, or null (primary
 *     rate limit: the caller's whole budget is spent until then, as on GitHub)
 * @param hold for {@link Kind#TIMEOUT}: how long the fake keeps the connection silent; longer than the client's
 *     read timeout
 */
public record Fault(Kind kind, int status, String message, Duration retryAfter, Duration resetIn, Duration hold) {
  /** How long a timeout holds the answer when no figure is given: past any test client's read timeout. */
  public static final Duration DEFAULT_HOLD = Duration.ofSeconds(2);

  public Fault {
    Objects.requireNonNull(kind, "kind");
    message = Objects.requireNonNullElse(message, "");
    if (kind == Kind.ANSWER && (status < 400 || status > 599)) {
      throw new IllegalArgumentException("a fault is an error status: " + status);
    }
    if (kind == Kind.TIMEOUT && (hold == null || hold.isNegative() || hold.isZero())) {
      throw new IllegalArgumentException("a timeout holds the answer for a positive time: " + hold);
    }
  }

  /** An error answer with GitHub's error body. */
  public Fault(int status, String message, Duration retryAfter, Duration resetIn) {
    this(Kind.ANSWER, status, Objects.requireNonNull(message, "message"), retryAfter, resetIn, null);
  }

  /** What the client sees. */
  public enum Kind {
    /** An error status with GitHub's JSON error body. */
    ANSWER,
    /** Nothing at all until the client's read timeout fires (the connection stays open for {@code hold}). */
    TIMEOUT,
    /** The connection closes without an answer (a reset, a proxy dropping the request). */
    RESET
  }

  /**
   * When a fault strikes: before the request is served (GitHub did nothing), or after (GitHub did what was
   * asked and the answer was lost: a 5xx from a proxy after the backend acted, a timeout, a reset).
   */
  public enum When {
    BEFORE,
    AFTER
  }

  /** {@code 500 Server Error}. */
  public static Fault serverError() {
    return new Fault(500, "Server Error", null, null);
  }

  /** {@code 502 Bad Gateway}, as GitHub's front end sends when a backend times out. */
  public static Fault badGateway() {
    return new Fault(502, "Server Error", null, null);
  }

  /** {@code 503 Service Unavailable}, as GitHub sends during an incident. */
  public static Fault serviceUnavailable() {
    return new Fault(503, "Service Unavailable", null, null);
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

  /** No answer: the connection stays silent for {@link #DEFAULT_HOLD}, past the client's read timeout. */
  public static Fault timeout() {
    return timeout(DEFAULT_HOLD);
  }

  /** No answer: the connection stays silent for {@code hold}. */
  public static Fault timeout(Duration hold) {
    return new Fault(Kind.TIMEOUT, 0, "", null, null, hold);
  }

  /** No answer: the connection closes at once. */
  public static Fault reset() {
    return new Fault(Kind.RESET, 0, "", null, null, null);
  }

  /** Any other error status with GitHub's error body. */
  public static Fault status(int status, String message) {
    return new Fault(status, message, null, null);
  }

  /** True when the client gets no HTTP answer at all. */
  public boolean silent() {
    return kind != Kind.ANSWER;
  }

  @Override
  public String toString() {
    return switch (kind) {
      case ANSWER -> status + (retryAfter != null ? " retry-after " + retryAfter.toSeconds() + "s"
          : resetIn != null ? " rate limit reset in " + resetIn.toSeconds() + "s" : "");
      case TIMEOUT -> "timeout";
      case RESET -> "reset";
    };
  }
}
