package dev.aegis.jenkins;

import java.util.Optional;

/**
 * The webhook endpoint's decisions, without servlet types: nothing happens before the signature checks
 * out. No secret configured: 404 (the endpoint is off). Missing signature: 401. Malformed or wrong
 * signature: 403. Then {@code ping} answers pong and other events go to the {@link WebhookDispatcher}.
 */
public final class WebhookHandler {
  /** GitHub caps webhook payloads at 25 MB. */
  public static final int MAX_BODY_BYTES = 25 * 1024 * 1024;

  private final WebhookDispatcher dispatcher;

  public WebhookHandler(WebhookDispatcher dispatcher) {
    this.dispatcher = dispatcher;
  }

  /**
   * @param request the request (body read up to {@link #MAX_BODY_BYTES})
   * @param secret the configured webhook secret; empty when none is configured
   */
  public WebhookResponse handle(WebhookRequest request, Optional<String> secret) {
    if (!"POST".equalsIgnoreCase(request.method())) {
      return new WebhookResponse(405, "Aegis webhook: POST only");
    }
    if (secret.isEmpty() || secret.get().isEmpty()) {
      return new WebhookResponse(404, "Aegis webhook is off: no webhook secret is configured");
    }
    switch (WebhookSignature.verify(secret.get(), request.body(), request.signature())) {
      case MISSING:
        return new WebhookResponse(401, "missing " + WebhookSignature.HEADER);
      case MALFORMED:
      case MISMATCH:
        return new WebhookResponse(403, "invalid " + WebhookSignature.HEADER);
      case VALID:
      default:
        break;
    }
    String event = Text.blankToNull(request.event());
    if (event == null) {
      return new WebhookResponse(400, "missing X-GitHub-Event");
    }
    if (event.equals("ping")) {
      return new WebhookResponse(200, "pong");
    }
    WebhookDispatcher.Dispatch dispatch =
        dispatcher.dispatch(new WebhookEvent(event, Text.blankToNull(request.deliveryId()), request.body()));
    return new WebhookResponse(dispatch.accepted() ? 202 : 200, dispatch.message());
  }
}
