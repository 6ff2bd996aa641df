package dev.aegis.jenkins;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class WebhookHandlerTest {
  private static final String SECRET = "s3cret";
  private static final byte[] BODY = "{\"action\":\"created\"}".getBytes(StandardCharsets.UTF_8);

  private final List<WebhookEvent> dispatched = new ArrayList<>();
  private final WebhookHandler handler =
      new WebhookHandler(event -> {
        dispatched.add(event);
        return new WebhookDispatcher.Dispatch(true, "accepted");
      });

  @Test
  void signedEventIsDispatched() {
    WebhookResponse response = handler.handle(post("issue_comment", WebhookSignature.sign(SECRET, BODY)), Optional.of(SECRET));

    assertThat(response).isEqualTo(new WebhookResponse(202, "accepted"));
    assertThat(dispatched).singleElement().satisfies(event -> {
      assertThat(event.event()).isEqualTo("issue_comment");
      assertThat(event.deliveryId()).isEqualTo("d-1");
      assertThat(event.body()).isEqualTo(BODY);
    });
  }

  @Test
  void missingSignatureIsUnauthorizedAndNothingIsDispatched() {
    assertThat(handler.handle(post("issues", null), Optional.of(SECRET)).status()).isEqualTo(401);
    assertThat(dispatched).isEmpty();
  }

  @Test
  void wrongSecretIsForbiddenAndNothingIsDispatched() {
    assertThat(handler.handle(post("issues", WebhookSignature.sign("guess", BODY)), Optional.of(SECRET)).status())
        .isEqualTo(403);
    assertThat(dispatched).isEmpty();
  }

  @Test
  void withoutAConfiguredSecretTheEndpointIsOff() {
    assertThat(handler.handle(post("issues", WebhookSignature.sign("anything", BODY)), Optional.empty()).status())
        .isEqualTo(404);
    assertThat(dispatched).isEmpty();
  }

  @Test
  void getIsNotAllowed() {
    WebhookRequest get = new WebhookRequest("GET", "issues", null, null, null);
    assertThat(handler.handle(get, Optional.of(SECRET)).status()).isEqualTo(405);
  }

  @Test
  void pingIsAnsweredWithoutDispatch() {
    WebhookResponse response = handler.handle(post("ping", WebhookSignature.sign(SECRET, BODY)), Optional.of(SECRET));

    assertThat(response).isEqualTo(new WebhookResponse(200, "pong"));
    assertThat(dispatched).isEmpty();
  }

  @Test
  void signedRequestWithoutEventNameIsABadRequest() {
    assertThat(handler.handle(post(" ", WebhookSignature.sign(SECRET, BODY)), Optional.of(SECRET)).status()).isEqualTo(400);
  }

  @Test
  void onlyTheWebhookPathsAreExcludedFromCrumbs() {
    assertThat(WebhookPaths.isWebhook("/aegis-webhook/")).isTrue();
    assertThat(WebhookPaths.isWebhook("/aegis-webhook")).isTrue();
    assertThat(WebhookPaths.isWebhook("/aegis-webhook/../script")).isFalse();
    assertThat(WebhookPaths.isWebhook("/aegis-webhookx")).isFalse();
    assertThat(WebhookPaths.isWebhook("/job/x/aegis-webhook/")).isFalse();
    assertThat(WebhookPaths.isWebhook(null)).isFalse();
    assertThat(WebhookPaths.isWebhook("/aegis-webhook/linear")).isTrue();
    assertThat(WebhookPaths.isWebhook("/aegis-webhook/linear/")).isTrue();
    assertThat(WebhookPaths.isWebhook("/aegis-webhook/linear/x")).isFalse();
    assertThat(WebhookPaths.isWebhook("/aegis-webhook/linearx")).isFalse();
    assertThat(WebhookPaths.isWebhook("/aegis-webhook/other")).isFalse();
  }

  private static WebhookRequest post(String event, String signature) {
    return new WebhookRequest("POST", event, "d-1", signature, BODY);
  }
}
