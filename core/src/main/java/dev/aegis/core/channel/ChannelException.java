package dev.aegis.core.channel;

import java.time.Duration;
import java.util.Optional;

/**
 * A channel that refused or could not be reached. Carries what the channel answered; its message names no
 * secret (no token, no webhook address).
 */
public final class ChannelException extends Exception {
  private final int status;
  private final Duration retryAfter;

  /**
   * @param message what went wrong, for the job log
   * @param status the HTTP or SMTP status, 0 when there was no answer
   * @param retryAfter how long the channel asked to wait, or null
   */
  public ChannelException(String message, int status, Duration retryAfter) {
    super(message);
    this.status = status;
    this.retryAfter = retryAfter;
  }

  public ChannelException(String message, Throwable cause) {
    super(message, cause);
    this.status = 0;
    this.retryAfter = null;
  }

  /** The HTTP or SMTP status, 0 when there was no answer. */
  public int status() {
    return status;
  }

  /** How long the channel asked to wait before trying again (Telegram's {@code retry_after}). */
  public Optional<Duration> retryAfter() {
    return Optional.ofNullable(retryAfter);
  }
}
