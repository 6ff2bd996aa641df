package dev.aegis.jenkins;

import dev.aegis.core.tracker.linear.LinearWebhookEvent;
import java.util.Objects;

/**
 * A Linear webhook delivery whose signature and timestamp have been verified ({@code LinearWebhooks#verify}).
 *
 * @param deliveryId the {@code Linear-Delivery} id, or null
 * @param body the raw JSON body, byte for byte (the core reads it again from a file)
 * @param event what the body says, as the core's {@code LinearWebhooks} read it
 */
public record LinearDelivery(String deliveryId, byte[] body, LinearWebhookEvent event) {
  public LinearDelivery {
    Objects.requireNonNull(event, "event");
    body = body.clone();
  }

  @Override
  public byte[] body() {
    return body.clone();
  }

  /** For logs: {@code Issue.update on ENG-950 (delivery 72d3...)}. */
  public String describe() {
    return event.type()
        + "."
        + event.action()
        + event.issueKey().map(key -> " on " + key.id()).orElse("")
        + (deliveryId == null ? "" : " (delivery " + deliveryId + ")");
  }
}
