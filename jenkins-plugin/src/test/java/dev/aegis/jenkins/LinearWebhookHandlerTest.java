package dev.aegis.jenkins;

import static dev.aegis.testkit.linear.LinearWebhookSample.COMMENT;
import static dev.aegis.testkit.linear.LinearWebhookSample.COMMENT_SIGNATURE;
import static dev.aegis.testkit.linear.LinearWebhookSample.SECRET;
import static dev.aegis.testkit.linear.LinearWebhookSample.SENT;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class LinearWebhookHandlerTest {
  private final List<LinearDelivery> dispatched = new ArrayList<>();
  private final LinearDispatcher dispatcher =
      delivery -> {
        dispatched.add(delivery);
        return new WebhookDispatcher.Dispatch(true, "accepted");
      };

  @Test
  void aDeliverySignedAsLinearSignsItIsDispatchedWithItsRawBody() {
    WebhookResponse response = at(SENT.plusSeconds(3)).handle(post(COMMENT, COMMENT_SIGNATURE), Optional.of(SECRET));

    assertThat(response).isEqualTo(new WebhookResponse(200, "accepted"));
    assertThat(dispatched).singleElement().satisfies(delivery -> {
      assertThat(delivery.deliveryId()).isEqualTo("d-1");
      assertThat(delivery.body()).isEqualTo(bytes(COMMENT));
      assertThat(delivery.event().commentCreated()).isTrue();
      assertThat(delivery.describe()).isEqualTo("Comment.create on ENG-950 (delivery d-1)");
    });
  }

  @Test
  void aMissingSignatureIsUnauthorizedAndNothingIsDispatched() {
    assertThat(at(SENT).handle(post(COMMENT, null), Optional.of(SECRET)).status()).isEqualTo(401);
    assertThat(at(SENT).handle(post(COMMENT, " "), Optional.of(SECRET)).status()).isEqualTo(401);
    assertThat(dispatched).isEmpty();
  }

  @Test
  void aWrongSignatureATamperedBodyOrAnotherSecretIsForbidden() {
    String tampered = COMMENT.replace("proceed", "stop");

    assertThat(at(SENT).handle(post(COMMENT, "0".repeat(64)), Optional.of(SECRET)).status()).isEqualTo(403);
    assertThat(at(SENT).handle(post(tampered, COMMENT_SIGNATURE), Optional.of(SECRET)).status()).isEqualTo(403);
    assertThat(at(SENT).handle(post(COMMENT, COMMENT_SIGNATURE), Optional.of("other")).status()).isEqualTo(403);
    assertThat(at(SENT).handle(post(COMMENT, "sha256=" + COMMENT_SIGNATURE), Optional.of(SECRET)).status())
        .as("GitHub's format is not Linear's")
        .isEqualTo(403);
    assertThat(dispatched).isEmpty();
  }

  @Test
  void aTimestampMoreThanAMinuteAwayIsARefusedReplay() {
    WebhookResponse late = at(SENT.plusSeconds(61)).handle(post(COMMENT, COMMENT_SIGNATURE), Optional.of(SECRET));
    WebhookResponse early = at(SENT.minusSeconds(61)).handle(post(COMMENT, COMMENT_SIGNATURE), Optional.of(SECRET));

    assertThat(late.status()).isEqualTo(403);
    assertThat(late.message()).contains("webhookTimestamp");
    assertThat(early.status()).isEqualTo(403);
    assertThat(dispatched).isEmpty();
  }

  @Test
  void aSignedBodyThatIsNotLinearsJsonIsABadRequest() {
    String noTimestamp = "{\"action\":\"create\",\"type\":\"Issue\",\"data\":{\"id\":\"i1\"}}";
    String notJson = "hello";

    assertThat(at(SENT).handle(post(noTimestamp, LinearSigning.sign(SECRET, bytes(noTimestamp))), Optional.of(SECRET))
            .status())
        .isEqualTo(400);
    assertThat(at(SENT).handle(post(notJson, LinearSigning.sign(SECRET, bytes(notJson))), Optional.of(SECRET)).status())
        .isEqualTo(400);
    assertThat(dispatched).isEmpty();
  }

  @Test
  void withoutASecretTheEndpointIsOffAndOnlyPostIsAccepted() {
    assertThat(at(SENT).handle(post(COMMENT, COMMENT_SIGNATURE), Optional.empty()).status()).isEqualTo(404);
    assertThat(at(SENT).handle(post(COMMENT, COMMENT_SIGNATURE), Optional.of(" ")).status()).isEqualTo(404);
    assertThat(
            at(SENT)
                .handle(new WebhookRequest("GET", null, null, COMMENT_SIGNATURE, bytes(COMMENT)), Optional.of(SECRET))
                .status())
        .isEqualTo(405);
    assertThat(dispatched).isEmpty();
  }

  private LinearWebhookHandler at(Instant now) {
    return new LinearWebhookHandler(dispatcher, Clock.fixed(now, ZoneOffset.UTC));
  }

  private static WebhookRequest post(String body, String signature) {
    return new WebhookRequest("POST", "Comment", "d-1", signature, bytes(body));
  }

  private static byte[] bytes(String text) {
    return text.getBytes(StandardCharsets.UTF_8);
  }
}
