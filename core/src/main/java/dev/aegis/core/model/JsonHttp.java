package dev.aegis.core.model;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.TextNode;
import dev.aegis.core.http.ServerSentEvents;
import dev.aegis.core.model.ModelException.Kind;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.time.Clock;
import java.time.Duration;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.Map;
import java.util.function.Supplier;
import okhttp3.HttpUrl;
import okhttp3.MediaType;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;

/**
 * POSTs JSON with retries and turns failures into {@link ModelException}s that say what to do. A request
 * can ask for a streamed answer: the server-sent events are folded into the reply a non-streamed request
 * would have had, and the client's read timeout becomes an idle timeout (no byte for that long), so a long
 * answer that keeps arriving is never cut and a stalled one is retried early.
 */
final class JsonHttp {
  private static final MediaType JSON = MediaType.get("application/json");
  /** How long a model answer may go without a byte, unless {@code AEGIS_MODEL_IDLE_TIMEOUT} says otherwise. */
  static final Duration IDLE_TIMEOUT = Duration.ofSeconds(120);
  /** The longest a whole model call may take, streamed or not. */
  static final Duration CALL_TIMEOUT = Duration.ofMinutes(30);

  private final OkHttpClient http;
  private final ModelSettings settings;
  private final Clock clock;
  private final ObjectMapper json;
  private final String keyName;
  private final String keyValue;

  JsonHttp(ModelSettings settings, ObjectMapper json, String baseUrl, String keyName, String keyValue) {
    this.settings = settings;
    this.http = settings.http() != null ? settings.http()
        : defaultClient(baseUrl, idleTimeout(settings.environment()));
    this.clock = Clock.systemUTC();
    this.json = json;
    this.keyName = keyName;
    this.keyValue = keyValue == null ? "" : keyValue;
  }

  private static OkHttpClient defaultClient(String baseUrl, Duration idle) {
    return new OkHttpClient.Builder()
        .socketFactory(new dev.aegis.core.http.NoDelaySockets())
        .connectionSpecs(dev.aegis.core.http.ConnectionSpecs.forUrl(baseUrl))
        .connectTimeout(Duration.ofSeconds(15))
        .readTimeout(idle)
        .writeTimeout(Duration.ofMinutes(1))
        .callTimeout(CALL_TIMEOUT)
        .build();
  }

  /** {@code AEGIS_MODEL_IDLE_TIMEOUT} in seconds, or the default; a value that is not a positive number is an error. */
  static Duration idleTimeout(Map<String, String> environment) {
    String value = environment.getOrDefault("AEGIS_MODEL_IDLE_TIMEOUT", "").trim();
    if (value.isEmpty()) {
      return IDLE_TIMEOUT;
    }
    if (!value.matches("\\d{1,6}") || Long.parseLong(value) == 0) {
      throw ModelException.config("AEGIS_MODEL_IDLE_TIMEOUT must be a whole number of seconds above 0, not '"
          + value + "'");
    }
    return Duration.ofSeconds(Long.parseLong(value));
  }

  /** Posts {@code body} to {@code url} with {@code headers}, retrying what is worth retrying. */
  JsonNode post(String url, Map<String, String> headers, JsonNode body) {
    return post(url, headers, body, null);
  }

  /**
   * As {@link #post(String, Map, JsonNode)}, for a request that asks for a streamed answer: each attempt
   * folds the events with a fresh {@code stream}; a plain JSON answer is taken as it is.
   */
  JsonNode post(String url, Map<String, String> headers, JsonNode body, Supplier<ReplyStream> stream) {
    RetryPolicy retry = settings.retry();
    for (int attempt = 0; ; attempt++) {
      Failure failure = attempt(url, headers, body, stream);
      if (failure.reply != null) {
        return failure.reply;
      }
      if (!failure.retryable || attempt >= retry.maxRetries()) {
        throw failure.toException(attempt);
      }
      Duration wait = failure.retryAfter != null
          ? failure.retryAfter
          : retry.backoff(attempt, settings.random().nextDouble());
      if (wait.compareTo(retry.maxRetryAfter()) > 0) {
        throw failure.toException(attempt);
      }
      try {
        settings.sleeper().sleep(wait);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new ModelException(Kind.NETWORK, "interrupted while waiting to retry " + safe(url),
            0, safe(url), failure.retryAfter, e);
      }
    }
  }

  private Failure attempt(String url, Map<String, String> headers, JsonNode body, Supplier<ReplyStream> stream) {
    Request.Builder request = new Request.Builder().url(url);
    headers.forEach(request::header);
    try {
      request.post(RequestBody.create(json.writeValueAsBytes(body), JSON));
    } catch (IOException e) {
      throw new IllegalStateException("cannot serialise a model request", e);
    }
    try (Response response = http.newCall(request.build()).execute()) {
      int status = response.code();
      if (stream != null && status >= 200 && status < 300 && response.body() != null && isEventStream(response)) {
        return streamed(url, response, stream.get());
      }
      String text = response.body() == null ? "" : response.body().string();
      if (status >= 200 && status < 300) {
        return Failure.ok(parse(url, status, text));
      }
      Duration retryAfter = retryAfter(response);
      return new Failure(this, url, status, retryAfter, providerMessage(text), null);
    } catch (InterruptedIOException e) {
      return new Failure(this, url, 0, null, "timed out", e);
    } catch (IOException e) {
      return new Failure(this, url, 0, null, e.getClass().getSimpleName(), e);
    }
  }

  private static boolean isEventStream(Response response) {
    MediaType type = response.body().contentType();
    return type != null && "text".equals(type.type()) && "event-stream".equals(type.subtype());
  }

  /** Reads one streamed answer; a stall, a cut or an error event becomes a failure like any other. */
  private Failure streamed(String url, Response response, ReplyStream fold) {
    try {
      ServerSentEvents.read(response.body().source(), event -> fold.accept(event.name(), data(event.data())));
    } catch (ReplyStream.Failed e) {
      return new Failure(this, url, e.status(), null, redact(e.getMessage()), null);
    } catch (InterruptedIOException e) {
      return new Failure(this, url, 0, null, "the streamed answer stalled (no data within the idle timeout, "
          + "AEGIS_MODEL_IDLE_TIMEOUT)", e);
    } catch (IOException e) {
      return new Failure(this, url, 0, null, "the streamed answer was cut (" + e.getClass().getSimpleName() + ")", e);
    }
    JsonNode reply = fold.reply();
    if (reply == null) {
      return new Failure(this, url, 0, null, "the streamed answer ended before the reply was complete", null);
    }
    return Failure.ok(reply);
  }

  private JsonNode data(String data) {
    try {
      JsonNode node = json.readTree(data);
      return node == null ? TextNode.valueOf(data) : node;
    } catch (IOException e) {
      return TextNode.valueOf(data);
    }
  }

  private JsonNode parse(String url, int status, String text) {
    try {
      return json.readTree(text);
    } catch (IOException e) {
      throw new ModelException(Kind.BAD_RESPONSE,
          "the model API at " + safe(url) + " answered " + status + " with a body that is not JSON",
          status, safe(url), null, e);
    }
  }

  private Duration retryAfter(Response response) {
    String ms = response.header("retry-after-ms");
    if (ms != null && ms.trim().matches("\\d+(\\.\\d+)?")) {
      return Duration.ofMillis((long) Double.parseDouble(ms.trim()));
    }
    String value = response.header("Retry-After");
    if (value == null || value.isBlank()) {
      return null;
    }
    value = value.trim();
    if (value.matches("\\d+")) {
      return Duration.ofSeconds(Long.parseLong(value));
    }
    try {
      ZonedDateTime at = ZonedDateTime.parse(value, DateTimeFormatter.RFC_1123_DATE_TIME);
      Duration wait = Duration.between(clock.instant(), at.toInstant());
      return wait.isNegative() ? Duration.ZERO : wait;
    } catch (RuntimeException e) {
      return null;
    }
  }

  private String providerMessage(String text) {
    String message = text;
    try {
      JsonNode node = json.readTree(text);
      JsonNode error = node.path("error");
      if (error.path("message").isTextual()) {
        message = error.path("message").asText();
      } else if (error.isTextual()) {
        message = error.asText();
      }
    } catch (IOException | RuntimeException e) {
      // not JSON: keep the text
    }
    message = redact(message);
    message = message.replaceAll("\\s+", " ").trim();
    return message.length() > 300 ? message.substring(0, 300) + "..." : message;
  }

  private String redact(String message) {
    return keyValue.isEmpty() ? message : message.replace(keyValue, "***");
  }

  static String safe(String url) {
    HttpUrl parsed = HttpUrl.parse(url);
    if (parsed == null) {
      return "<invalid url>";
    }
    return parsed.newBuilder().query(null).username("").password("").build().toString();
  }

  /** One attempt's outcome: a reply, or why it failed. */
  private static final class Failure {
    final JsonNode reply;
    final JsonHttp owner;
    final String url;
    final int status;
    final Duration retryAfter;
    final String detail;
    final Throwable cause;
    final boolean retryable;

    Failure(JsonHttp owner, String url, int status, Duration retryAfter, String detail, Throwable cause) {
      this.reply = null;
      this.owner = owner;
      this.url = url;
      this.status = status;
      this.retryAfter = retryAfter;
      this.detail = detail;
      this.cause = cause;
      this.retryable = status == 0 || status == 408 || status == 409 || status == 429 || status >= 500;
    }

    private Failure(JsonNode reply) {
      this.reply = reply;
      this.owner = null;
      this.url = null;
      this.status = 200;
      this.retryAfter = null;
      this.detail = null;
      this.cause = null;
      this.retryable = false;
    }

    static Failure ok(JsonNode reply) {
      return new Failure(reply);
    }

    ModelException toException(int retries) {
      String where = safe(url);
      String tries = retries == 0 ? "" : " after " + retries + " retries";
      Kind kind = kind();
      String message = switch (kind) {
        case AUTH -> owner.keyValue.isBlank()
            ? "no key was sent (" + owner.keyName + " is not set) and " + where + " answered " + status
                + ": give the model's key as " + owner.keyName + " (the Action's model-api-key input) (" + detail + ")"
            : owner.keyName + " was refused (" + status + ") by " + where
                + ": check the key and that it may use this model (" + detail + ")";
        case CONTEXT_TOO_LARGE -> "the conversation no longer fits the model's context window (" + status
            + " from " + where + "): " + detail;
        case BAD_REQUEST -> "the model API rejected the request (" + status + ") at " + where
            + ": " + detail + "; check the model name and the base URL";
        case RATE_LIMITED -> "rate limited (429) by " + where + tries
            + (retryAfter == null ? "" : ", server asks to wait " + retryAfter.toSeconds() + "s")
            + ": wait, or raise the provider quota";
        case SERVER -> "the model API failed (" + status + ") at " + where + tries + ": " + detail;
        default -> detail.startsWith("the streamed answer")
            ? detail + " from " + where + tries + ": the provider may be overloaded; retry later, or raise "
                + "AEGIS_MODEL_IDLE_TIMEOUT for a server that stays silent while it thinks"
            : "cannot reach the model API at " + where + tries + " (" + detail
                + "): check the base URL and the network";
      };
      return new ModelException(kind, message, status, where, retryAfter, cause);
    }

    private Kind kind() {
      if (status == 401 || status == 403) {
        return Kind.AUTH;
      }
      if (status == 429) {
        return Kind.RATE_LIMITED;
      }
      if (status >= 500) {
        return Kind.SERVER;
      }
      if (status == 0 || status == 408 || status == 409) {
        return Kind.NETWORK;
      }
      String lower = detail.toLowerCase(Locale.ROOT);
      boolean context = status == 413 || lower.contains("context_length") || lower.contains("context length")
          || lower.contains("prompt is too long") || lower.contains("context window")
          || lower.contains("too many tokens");
      return context ? Kind.CONTEXT_TOO_LARGE : Kind.BAD_REQUEST;
    }
  }
}
