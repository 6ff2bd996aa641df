package dev.aegis.core.tracker.linear;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.MissingNode;
import dev.aegis.core.tracker.TrackerException;
import java.io.IOException;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import okhttp3.MediaType;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;
import okhttp3.ResponseBody;

/**
 * Sends one GraphQL operation to Linear and returns its {@code data}, retrying what is safe to retry: rate limits
 * (waiting until the budget resets, if that is within {@link LinearRuntime#maxWait()}) and, for queries only,
 * server errors and lost connections (1 s, 2 s, 4 s...). Everything else becomes a {@link TrackerException}
 * built by {@link LinearErrors}. The API key goes into the {@code Authorization} header and nowhere else.
 */
final class LinearGraphQl {
  private static final MediaType JSON = MediaType.get("application/json; charset=utf-8");

  private final LinearConnection connection;
  private final LinearRuntime runtime;
  private final ObjectMapper json;
  private final LinearDocuments documents = new LinearDocuments();

  LinearGraphQl(LinearConnection connection, LinearRuntime runtime, ObjectMapper json) {
    this.connection = connection;
    this.runtime = runtime;
    this.json = json;
  }

  /** Runs {@code operation} and returns its {@code data} object. */
  JsonNode call(Operation operation, Map<String, Object> variables) {
    for (int attempt = 1; ; attempt++) {
      Attempt result = once(operation, variables, attempt);
      if (result.data() != null) {
        return result.data();
      }
      Duration wait = result.retryIn();
      if (wait == null || attempt >= runtime.maxAttempts() || wait.compareTo(runtime.maxWait()) > 0) {
        throw result.failure();
      }
      sleep(wait, result.failure());
    }
  }

  private Attempt once(Operation operation, Map<String, Object> variables, int attempt) {
    Request request = new Request.Builder()
        .url(connection.endpoint().toString())
        .header("Authorization", connection.apiKey())
        .header("Accept", "application/json")
        .header("User-Agent", "aegis")
        .post(RequestBody.create(body(operation, variables), JSON))
        .build();
    try (Response response = runtime.http().newCall(request).execute()) {
      ResponseBody body = response.body();
      return read(operation, response, body == null ? "" : body.string(), attempt);
    } catch (IOException e) {
      TrackerException failure = new TrackerException("Could not reach Linear at " + url() + " while "
          + operation.purpose() + ": " + e.getMessage(), 0, url(), null, e);
      return Attempt.failed(failure, operation.mutation() ? null : RateLimits.backoff(attempt));
    }
  }

  private Attempt read(Operation operation, Response response, String text, int attempt) {
    int status = response.code();
    JsonNode body = parse(text);
    JsonNode firstError = body.path("errors").path(0);
    if (response.isSuccessful() && firstError.isMissingNode() && body.path("data").isObject()) {
      return new Attempt(body.get("data"), null, null);
    }
    LinearErrors.Kind kind = firstError.isMissingNode()
        ? LinearErrors.byStatus(status)
        : LinearErrors.kind(status, firstError);
    Duration reset = kind == LinearErrors.Kind.RATE_LIMITED
        ? RateLimits.untilReset(response.headers(), runtime.clock().instant())
        : null;
    TrackerException failure = LinearErrors.exception(
        kind, status, operation, url(), LinearErrors.detail(firstError), reset);
    return Attempt.failed(failure, retryIn(kind, operation, reset, attempt));
  }

  private static Duration retryIn(LinearErrors.Kind kind, Operation operation, Duration reset, int attempt) {
    if (kind == LinearErrors.Kind.RATE_LIMITED) {
      return reset != null ? reset : RateLimits.backoff(attempt);
    }
    if (kind == LinearErrors.Kind.SERVER && !operation.mutation()) {
      return RateLimits.backoff(attempt);
    }
    return null;
  }

  private String body(Operation operation, Map<String, Object> variables) {
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("query", documents.text(operation));
    body.put("operationName", operation.document());
    body.put("variables", variables);
    try {
      return json.writeValueAsString(body);
    } catch (JsonProcessingException e) {
      throw new IllegalArgumentException("variables for " + operation + " are not JSON", e);
    }
  }

  private JsonNode parse(String text) {
    try {
      JsonNode node = json.readTree(text);
      return node == null ? MissingNode.getInstance() : node;
    } catch (JsonProcessingException e) {
      return MissingNode.getInstance();
    }
  }

  private void sleep(Duration wait, TrackerException failure) {
    try {
      runtime.sleeper().sleep(wait);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw failure;
    }
  }

  private String url() {
    return connection.endpoint().toString();
  }

  private record Attempt(JsonNode data, TrackerException failure, Duration retryIn) {
    static Attempt failed(TrackerException failure, Duration retryIn) {
      return new Attempt(null, failure, retryIn);
    }
  }
}
