package dev.aegis.jenkins;

import java.util.Objects;

/**
 * An HTTP request to the webhook endpoint, without servlet types.
 *
 * @param method HTTP method
 * @param event {@code X-GitHub-Event} or null
 * @param deliveryId {@code X-GitHub-Delivery} or null
 * @param signature {@code X-Hub-Signature-256} or null
 * @param body raw body (empty when not read)
 */
public record WebhookRequest(String method, String event, String deliveryId, String signature, byte[] body) {
  public WebhookRequest {
    Objects.requireNonNull(method, "method");
    body = body == null ? new byte[0] : body.clone();
  }

  @Override
  public byte[] body() {
    return body.clone();
  }
}
