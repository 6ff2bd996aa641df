package dev.aegis.core.tracker.linear;

import com.fasterxml.jackson.databind.JsonNode;
import dev.aegis.core.tracker.TrackerException;
import java.time.Duration;
import java.util.Locale;

/**
 * Turns a failed Linear answer into a {@link TrackerException} that says what to do. Linear reports most failures
 * as GraphQL errors whose {@code extensions} carry a {@code code} ({@code AUTHENTICATION_ERROR}, {@code
 * FORBIDDEN}, {@code RATELIMITED}, {@code INVALID_INPUT}...) and a {@code type} ({@code "authentication error"}),
 * often with HTTP 400 or even 200; the exception's status is the HTTP status that error stands for (401, 403, 404,
 * 429, 400), so callers can treat Linear like any other tracker.
 */
final class LinearErrors {
  private LinearErrors() {}

  /** What kind of failure an answer is. */
  enum Kind {
    UNAUTHORIZED(401),
    FORBIDDEN(403),
    NOT_FOUND(404),
    RATE_LIMITED(429),
    QUERY_REJECTED(400),
    INVALID_INPUT(400),
    SERVER(502),
    OTHER(400);

    final int status;

    Kind(int status) {
      this.status = status;
    }
  }

  static Kind kind(int httpStatus, JsonNode firstError) {
    String code = firstError.path("extensions").path("code").asText("").toUpperCase(Locale.ROOT);
    String type = firstError.path("extensions").path("type").asText("").toLowerCase(Locale.ROOT);
    String message = firstError.path("message").asText("");
    if (code.equals("AUTHENTICATION_ERROR") || type.equals("authentication error")) {
      return Kind.UNAUTHORIZED;
    }
    if (code.equals("FORBIDDEN") || type.equals("forbidden")) {
      return Kind.FORBIDDEN;
    }
    if (code.equals("RATELIMITED") || type.equals("ratelimited")) {
      return Kind.RATE_LIMITED;
    }
    if (message.startsWith("Entity not found") || code.equals("ENTITY_NOT_FOUND") || code.equals("NOT_FOUND")) {
      return Kind.NOT_FOUND;
    }
    if (code.startsWith("GRAPHQL_") || type.equals("graphql error")) {
      return Kind.QUERY_REJECTED;
    }
    if (code.equals("INVALID_INPUT") || code.equals("INPUT_ERROR") || type.equals("invalid input")) {
      return Kind.INVALID_INPUT;
    }
    return byStatus(httpStatus);
  }

  static Kind byStatus(int httpStatus) {
    if (httpStatus == 401) {
      return Kind.UNAUTHORIZED;
    }
    if (httpStatus == 403) {
      return Kind.FORBIDDEN;
    }
    if (httpStatus == 429) {
      return Kind.RATE_LIMITED;
    }
    return httpStatus >= 500 ? Kind.SERVER : Kind.OTHER;
  }

  /** The exception for a failed call; {@code detail} is Linear's own words, {@code wait} the known reset. */
  static TrackerException exception(
      Kind kind, int httpStatus, Operation operation, String url, String detail, Duration wait) {
    int status = switch (kind) {
      case SERVER -> httpStatus;
      case OTHER -> httpStatus >= 400 ? httpStatus : kind.status;
      default -> kind.status;
    };
    return new TrackerException(message(kind, httpStatus, operation, detail, wait), status, url, wait, null);
  }

  private static String message(Kind kind, int httpStatus, Operation operation, String detail, Duration wait) {
    String said = detail.isBlank() ? "" : " (Linear said: " + detail + ")";
    return switch (kind) {
      case UNAUTHORIZED -> "LINEAR_API_KEY was refused by Linear while " + operation.purpose() + said
          + ". Create a personal API key in Linear under Settings > Account > Security & access > Personal API"
          + " keys, for the user Aegis should act as, and store it as the LINEAR_API_KEY secret.";
      case FORBIDDEN -> "Linear did not allow " + operation.purpose() + said + ". The API key's user must be a"
          + " member of the team, and the key needs write access (or at least Create comments) for Aegis to"
          + " comment on and move issues.";
      case NOT_FOUND -> "Linear could not find what Aegis asked for while " + operation.purpose() + said
          + "; it may have been deleted.";
      case RATE_LIMITED -> "Linear's rate limit was reached while " + operation.purpose() + said
          + (wait == null ? "" : "; it resets in " + wait.toSeconds() + " s")
          + ". Aegis retries short waits itself; if this keeps happening, scan less often or use webhooks.";
      case QUERY_REJECTED -> "Linear rejected Aegis's " + operation.document() + " query" + said
          + ". Linear's API changed or Aegis has a bug: please report this message.";
      case INVALID_INPUT -> "Linear refused " + operation.purpose() + said + ".";
      case SERVER -> "Linear answered HTTP " + httpStatus + " while " + operation.purpose()
          + "; this is usually a temporary outage at Linear, try again later.";
      case OTHER -> "Linear failed while " + operation.purpose() + " (HTTP " + httpStatus + ")" + said + ".";
    };
  }

  /** Linear's most readable words for an error, shortened. */
  static String detail(JsonNode firstError) {
    String text = firstError.path("extensions").path("userPresentableMessage").asText("");
    if (text.isBlank()) {
      text = firstError.path("message").asText("");
    }
    text = text.strip();
    return text.length() > 300 ? text.substring(0, 300) + "..." : text;
  }
}
