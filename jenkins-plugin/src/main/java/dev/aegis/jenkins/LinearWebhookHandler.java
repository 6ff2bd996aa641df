package dev.aegis.jenkins;

import dev.aegis.core.tracker.linear.LinearWebhookEvent;
import dev.aegis.core.tracker.linear.LinearWebhookException;
import dev.aegis.core.tracker.linear.LinearWebhooks;
import java.time.Clock;
import java.util.Objects;
import java.util.Optional;

/**
 * The Linear webhook endpoint's decisions, without servlet types: nothing happens before the core's
 * {@link LinearWebhooks} has checked the {@code Linear-Signature} (HMAC-SHA256 of the raw body with the webhook's
 * signing secret) and the signed {@code webhookTimestamp} (within 60 s of the controller's clock). No secret
 * configured: 404 (the endpoint is off). Missing signature: 401. Wrong signature, or a timestamp out of the
 * window (a replay): 403. A correctly signed body that is not Linear's JSON: 400. Then the delivery goes to the
 * {@link LinearDispatcher}, and Linear gets 200 (it retries other answers).
 */
public final class LinearWebhookHandler {
  private final LinearDispatcher dispatcher;
  private final Clock clock;

  /**
   * @param dispatcher receives verified deliveries
   * @param clock the time the signed timestamp is compared with
   */
  public LinearWebhookHandler(LinearDispatcher dispatcher, Clock clock) {
    this.dispatcher = Objects.requireNonNull(dispatcher, "dispatcher");
    this.clock = Objects.requireNonNull(clock, "clock");
  }

  /**
   * @param request the request: {@code event} is {@code Linear-Event}, {@code deliveryId} {@code Linear-Delivery},
   *     {@code signature} {@code Linear-Signature}; body read up to {@link WebhookHandler#MAX_BODY_BYTES}
   * @param secret the configured signing secret; empty when none is configured
   */
  public WebhookResponse handle(WebhookRequest request, Optional<String> secret) {
    if (!"POST".equalsIgnoreCase(request.method())) {
      return new WebhookResponse(405, "Aegis Linear webhook: POST only");
    }
    if (secret.isEmpty() || secret.get().isBlank()) {
      return new WebhookResponse(404, "Aegis Linear webhook is off: no Linear webhook secret is configured");
    }
    LinearWebhookEvent event;
    try {
      event = new LinearWebhooks(secret.get(), clock).verify(request.body(), request.signature());
    } catch (LinearWebhookException e) {
      return refused(e);
    }
    WebhookDispatcher.Dispatch dispatch =
        dispatcher.dispatch(new LinearDelivery(Text.blankToNull(request.deliveryId()), request.body(), event));
    return new WebhookResponse(200, dispatch.message());
  }

  /** Says what was wrong, never how the expected signature looks; the timestamp's skew helps find a bad clock. */
  private static WebhookResponse refused(LinearWebhookException e) {
    String header = LinearWebhooks.SIGNATURE_HEADER;
    return switch (e.reason()) {
      case MISSING_SIGNATURE -> new WebhookResponse(401, "missing " + header);
      case BAD_SIGNATURE -> new WebhookResponse(403, "invalid " + header);
      case STALE_TIMESTAMP -> new WebhookResponse(403, "refused as a replay: " + e.getMessage());
      case MISSING_TIMESTAMP, MALFORMED -> new WebhookResponse(400, "not a Linear webhook delivery: " + e.getMessage());
    };
  }
}
