package dev.aegis.testkit.linear;

import java.time.Instant;
import java.util.Map;

/**
 * A canned failure {@link FakeLinear} answers instead of executing the next request.
 *
 * @param status HTTP status
 * @param body response body
 * @param headers extra response headers
 */
public record FakeFailure(int status, String body, Map<String, String> headers) {
  public FakeFailure {
    headers = Map.copyOf(headers);
  }

  /** HTTP 429 with Linear's request budget spent until {@code reset}. */
  public static FakeFailure rateLimited(Instant reset) {
    return new FakeFailure(429, ratelimitedBody(), Map.of(
        "X-RateLimit-Requests-Limit", "5000",
        "X-RateLimit-Requests-Remaining", "0",
        "X-RateLimit-Requests-Reset", Long.toString(reset.toEpochMilli())));
  }

  /** HTTP 400 carrying a RATELIMITED GraphQL error, the complexity budget spent until {@code reset}. */
  public static FakeFailure complexityLimited(Instant reset) {
    return new FakeFailure(400, ratelimitedBody(), Map.of(
        "X-RateLimit-Complexity-Limit", "3000000",
        "X-RateLimit-Complexity-Remaining", "0",
        "X-RateLimit-Complexity-Reset", Long.toString(reset.toEpochMilli())));
  }

  /** HTTP 500 with a GraphQL error, as when Linear itself fails. */
  public static FakeFailure serverError() {
    return new FakeFailure(500, "{\"errors\":[{\"message\":\"Internal server error\",\"extensions\":"
        + "{\"code\":\"INTERNAL_SERVER_ERROR\",\"type\":\"internal error\",\"userError\":false}}]}", Map.of());
  }

  /** HTTP 502 from a proxy in front of Linear, with a body that is not JSON. */
  public static FakeFailure badGateway() {
    return new FakeFailure(502, "<html><body>502 Bad Gateway</body></html>", Map.of("Content-Type", "text/html"));
  }

  /** Any status and body. */
  public static FakeFailure of(int status, String body) {
    return new FakeFailure(status, body, Map.of());
  }

  private static String ratelimitedBody() {
    return "{\"errors\":[{\"message\":\"Rate limit exceeded\",\"extensions\":{\"code\":\"RATELIMITED\","
        + "\"type\":\"ratelimited\",\"userError\":true,\"userPresentableMessage\":\"You have exceeded the rate "
        + "limit. Please wait before making more requests.\"}}]}";
  }
}
