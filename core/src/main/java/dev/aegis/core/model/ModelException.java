package dev.aegis.core.model;

import java.time.Duration;
import java.util.Objects;
import java.util.Optional;

/**
 * A model call that failed for good (after the retries its {@link RetryPolicy} allows). The message says
 * what to do next and never holds a key or secret; the data is on the fields.
 */
public final class ModelException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  /** What kind of failure, so callers decide without parsing messages. */
  public enum Kind {
    /** 401/403: the key was refused or lacks access. */
    AUTH,
    /** 400/404/422: the request was rejected (unknown model, bad parameter). */
    BAD_REQUEST,
    /** The conversation no longer fits the model's context window. */
    CONTEXT_TOO_LARGE,
    /** 429 after every retry, or a Retry-After longer than allowed. */
    RATE_LIMITED,
    /** 5xx after every retry. */
    SERVER,
    /** Connection failures or timeouts after every retry. */
    NETWORK,
    /** The reply was not the JSON the wire format promises. */
    BAD_RESPONSE,
    /** Missing key or base URL, unknown provider, unreadable script. */
    CONFIG
  }

  private final Kind kind;
  private final int status;
  private final String url;
  private final Duration retryAfter;

  /**
   * @param status HTTP status, 0 when there was none
   * @param url the endpoint without query or user info, may be null
   * @param retryAfter the server's last Retry-After, may be null
   */
  public ModelException(Kind kind, String message, int status, String url, Duration retryAfter, Throwable cause) {
    super(message, cause);
    this.kind = Objects.requireNonNull(kind, "kind");
    this.status = status;
    this.url = url;
    this.retryAfter = retryAfter;
  }

  public static ModelException config(String message) {
    return new ModelException(Kind.CONFIG, message, 0, null, null, null);
  }

  public Kind kind() {
    return kind;
  }

  /** HTTP status, 0 when the call never got one. */
  public int status() {
    return status;
  }

  public Optional<String> url() {
    return Optional.ofNullable(url);
  }

  public Optional<Duration> retryAfter() {
    return Optional.ofNullable(retryAfter);
  }
}
