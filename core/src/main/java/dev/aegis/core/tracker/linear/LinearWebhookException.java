package dev.aegis.core.tracker.linear;

/** A Linear webhook delivery was refused; {@link #reason()} says why (hosts answer 401 or 400). */
public final class LinearWebhookException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  /** Why a delivery was refused. */
  public enum Reason {
    /** No {@code Linear-Signature} header. */
    MISSING_SIGNATURE,
    /** The signature is not the HMAC-SHA256 of the body with the configured secret. */
    BAD_SIGNATURE,
    /** The signed body has no numeric {@code webhookTimestamp}. */
    MISSING_TIMESTAMP,
    /** {@code webhookTimestamp} is more than a minute away from now: a replay, or a badly wrong clock. */
    STALE_TIMESTAMP,
    /** The body is not the JSON Linear sends. */
    MALFORMED
  }

  private final Reason reason;

  LinearWebhookException(Reason reason, String message) {
    super(message);
    this.reason = reason;
  }

  public Reason reason() {
    return reason;
  }
}
