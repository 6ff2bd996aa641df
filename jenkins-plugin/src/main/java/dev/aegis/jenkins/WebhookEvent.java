package dev.aegis.jenkins;

import java.nio.charset.StandardCharsets;
import java.util.Objects;

/**
 * A GitHub webhook delivery whose signature has been verified.
 *
 * @param event the {@code X-GitHub-Event} name ({@code issues}, {@code issue_comment}...)
 * @param deliveryId the {@code X-GitHub-Delivery} id, or null
 * @param body the raw JSON payload
 */
public record WebhookEvent(String event, String deliveryId, byte[] body) {
  public WebhookEvent {
    Objects.requireNonNull(event, "event");
    body = body.clone();
  }

  @Override
  public byte[] body() {
    return body.clone();
  }

  public String bodyText() {
    return new String(body, StandardCharsets.UTF_8);
  }

  /** For logs: {@code issue_comment (delivery 72d3...)}. */
  public String describe() {
    return event + (deliveryId == null ? "" : " (delivery " + deliveryId + ")");
  }
}
