package dev.aegis.core.tracker;

import java.time.Duration;
import java.util.Optional;

/**
 * A tracker or code host call failed. Carries the data a caller needs to decide what to do: the HTTP status
 * (0 when no response arrived), the URL, and how long the server asked us to wait, if it did.
 */
public class TrackerException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  private final int status;
  private final String url;
  private final Duration retryAfter;

  public TrackerException(String message, int status, String url, Duration retryAfter, Throwable cause) {
    super(message, cause);
    this.status = status;
    this.url = url == null ? "" : url;
    this.retryAfter = retryAfter;
  }

  public TrackerException(String message, int status, String url) {
    this(message, status, url, null, null);
  }

  public int status() {
    return status;
  }

  public String url() {
    return url;
  }

  public Optional<Duration> retryAfter() {
    return Optional.ofNullable(retryAfter);
  }

  /** 401: the token is missing, expired or revoked. */
  public boolean unauthorized() {
    return status == 401;
  }

  /** 403 without a rate limit wait, or 404 on something that should exist: the token lacks a permission. */
  public boolean forbidden() {
    return status == 403 && retryAfter == null;
  }

  /** Rate limited: 429, or 403 with a reset time. */
  public boolean rateLimited() {
    return status == 429 || (status == 403 && retryAfter != null);
  }
}
