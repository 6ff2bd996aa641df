package dev.aegis.core.tracker.linear;

import static dev.aegis.testkit.linear.LinearWebhookSample.COMMENT;
import static dev.aegis.testkit.linear.LinearWebhookSample.COMMENT_SIGNATURE;
import static dev.aegis.testkit.linear.LinearWebhookSample.SECRET;
import static dev.aegis.testkit.linear.LinearWebhookSample.SENT;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.aegis.core.tracker.IssueKey;
import dev.aegis.core.tracker.linear.LinearWebhookException.Reason;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

class LinearWebhooksTest {
  private final LinearWebhooks webhooks = at(SENT.plusSeconds(2));

  @Test
  void aCorrectlySignedFreshCommentIsAccepted() {
    LinearWebhookEvent event = webhooks.verify(bytes(COMMENT), COMMENT_SIGNATURE);

    assertThat(event.commentCreated()).isTrue();
    assertThat(event.sentAt()).isEqualTo(SENT);
    assertThat(event.comment().body()).isEqualTo("/aegis proceed eng-950-r1");
    assertThat(event.comment().userEmail()).isEqualTo("maya@example.com");
    assertThat(event.comment().userId()).isEqualTo("u1");
    assertThat(event.comment().team().key()).isEqualTo("ENG");
    assertThat(event.issueKey()).contains(new IssueKey("linear", "ENG-950"));
    assertThat(event.actor().email()).isEqualTo("maya@example.com");
  }

  @Test
  void aChangedBodyOrAnotherSecretIsRefused() {
    String tampered = COMMENT.replace("proceed", "stop");

    assertRefused(() -> webhooks.verify(bytes(tampered), COMMENT_SIGNATURE), Reason.BAD_SIGNATURE);
    assertRefused(() -> new LinearWebhooks("other", fixed(SENT)).verify(bytes(COMMENT), COMMENT_SIGNATURE),
        Reason.BAD_SIGNATURE);
    assertRefused(() -> webhooks.verify(bytes(COMMENT), null), Reason.MISSING_SIGNATURE);
    assertRefused(() -> webhooks.verify(bytes(COMMENT), "sha256=" + COMMENT_SIGNATURE), Reason.BAD_SIGNATURE);
  }

  @Test
  void aTimestampMoreThanAMinuteAwayIsRefusedAsAReplay() {
    assertThat(at(SENT.plusSeconds(60)).verify(bytes(COMMENT), COMMENT_SIGNATURE)).isNotNull();
    assertRefused(() -> at(SENT.plusSeconds(61)).verify(bytes(COMMENT), COMMENT_SIGNATURE),
        Reason.STALE_TIMESTAMP);
    assertRefused(() -> at(SENT.minusSeconds(61)).verify(bytes(COMMENT), COMMENT_SIGNATURE),
        Reason.STALE_TIMESTAMP);
  }

  @Test
  void aSignedBodyWithoutTimestampIsRefused() {
    String body = "{\"action\":\"create\",\"type\":\"Issue\",\"data\":{\"id\":\"i1\"}}";

    assertRefused(() -> webhooks.verify(bytes(body), webhooks.hmacHex(bytes(body))), Reason.MISSING_TIMESTAMP);
  }

  @Test
  void anIssueUpdateCarriesIdentifierTeamStateAndLabels() {
    String body = "{\"action\":\"update\",\"type\":\"Issue\",\"webhookTimestamp\":" + SENT.toEpochMilli() + ","
        + "\"data\":{\"id\":\"i1\",\"identifier\":\"ENG-950\",\"title\":\"Checkout crashes\","
        + "\"description\":\"500 on empty cart\",\"teamId\":\"t1\",\"team\":{\"id\":\"t1\",\"key\":\"ENG\","
        + "\"name\":\"Engineering\"},\"stateId\":\"s2\",\"state\":{\"id\":\"s2\",\"name\":\"Todo\","
        + "\"type\":\"unstarted\",\"color\":\"#fff\"},\"labelIds\":[\"l1\",\"l2\"],\"labels\":[{\"id\":\"l1\","
        + "\"name\":\"Bug\",\"color\":\"#f00\"},{\"id\":\"l2\",\"name\":\"ready to implement\",\"color\":\"#0f0\"}],"
        + "\"url\":\"https://linear.app/acme/issue/ENG-950\"},\"updatedFrom\":{\"labelIds\":[\"l1\"]}}";

    LinearWebhookEvent event = webhooks.verify(bytes(body), webhooks.hmacHex(bytes(body)));

    assertThat(event.issueUpdated()).isTrue();
    assertThat(event.issueCreated()).isFalse();
    assertThat(event.issue().identifier()).isEqualTo("ENG-950");
    assertThat(event.issue().team().key()).isEqualTo("ENG");
    assertThat(event.issue().stateName()).isEqualTo("Todo");
    assertThat(event.issue().stateType()).isEqualTo("unstarted");
    assertThat(event.issue().labels()).containsExactly("Bug", "ready to implement");
    assertThat(event.issueKey()).contains(new IssueKey("linear", "ENG-950"));
  }

  @Test
  void otherEntityTypesAreAcceptedWithoutIssueOrComment() {
    String body = "{\"action\":\"create\",\"type\":\"IssueLabel\",\"webhookTimestamp\":" + SENT.toEpochMilli()
        + ",\"data\":{\"id\":\"l9\",\"name\":\"aegis:blocked\"}}";

    LinearWebhookEvent event = webhooks.verify(bytes(body), webhooks.hmacHex(bytes(body)));

    assertThat(event.type()).isEqualTo("IssueLabel");
    assertThat(event.issue()).isNull();
    assertThat(event.comment()).isNull();
    assertThat(event.issueKey()).isEmpty();
  }

  @Test
  void aBlankSecretIsAConfigurationError() {
    assertThatThrownBy(() -> new LinearWebhooks(" ", fixed(SENT))).hasMessageContaining("LINEAR_WEBHOOK_SECRET");
  }

  private static void assertRefused(Runnable call, Reason reason) {
    assertThatThrownBy(call::run)
        .isInstanceOf(LinearWebhookException.class)
        .satisfies(e -> assertThat(((LinearWebhookException) e).reason()).isEqualTo(reason));
  }

  private static LinearWebhooks at(Instant now) {
    return new LinearWebhooks(SECRET, fixed(now));
  }

  private static Clock fixed(Instant now) {
    return Clock.fixed(now, ZoneOffset.UTC);
  }

  private static byte[] bytes(String text) {
    return text.getBytes(StandardCharsets.UTF_8);
  }

}
