package dev.aegis.core.channel;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.aegis.core.config.AegisConfig;
import dev.aegis.core.config.ConfigLoader;
import dev.aegis.core.policy.Redactor;
import dev.aegis.testkit.channels.WebhookReceiver;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import okhttp3.HttpUrl;
import okhttp3.OkHttpClient;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Signed webhooks against a receiver that verifies signatures as the README tells receivers to. */
class WebhookChannelTest {
  private static final String SECRET = "whsec-test-0123456789";
  private final WebhookReceiver receiver = WebhookReceiver.start(SECRET);
  private final OkHttpClient http = new OkHttpClient.Builder().readTimeout(Duration.ofMillis(400)).build();
  private final Backoff fast = new Backoff(4, Duration.ofMillis(20), Duration.ofMillis(100), new Random(1));
  @TempDir Path tmp;

  @AfterEach
  void stop() {
    receiver.close();
  }

  private WebhookChannel channel(String secret) {
    return new WebhookChannel(HttpUrl.get(receiver.url()), secret, http, fast);
  }

  private static RunEvent opened() {
    return RunEvent.of(RunEvent.Kind.PR_OPENED, "r-7", "#42", "https://github.com/acme/calc/issues/42", "add", "r1-9",
        Instant.parse("2026-12-06T10:00:00Z")).withLink("https://github.com/acme/calc/pull/43");
  }

  @Test
  void aDeliveryIsSignedAndCarriesTheDocumentedFields() throws Exception {
    channel(SECRET).send(opened());

    assertThat(receiver.rejected()).isEmpty();
    WebhookReceiver.Accepted a = receiver.accepted().get(0);
    assertThat(a.event()).isEqualTo("run.pr_opened");
    assertThat(a.deliveryId()).isEqualTo(opened().deliveryId());
    assertThat(a.body().path("run_id").asText()).isEqualTo("r-7");
    assertThat(a.body().path("timestamp").asText()).isEqualTo("2026-12-06T10:00:00Z");
    assertThat(a.body().path("issue").path("url").asText()).isEqualTo("https://github.com/acme/calc/issues/42");
    assertThat(a.body().path("pull_request_url").asText()).isEqualTo("https://github.com/acme/calc/pull/43");
    assertThat(a.body().has("reason")).isFalse();
  }

  @Test
  void aReceiverWithAnotherSecretRefusesTheDeliveryAndItIsNotRetried() {
    assertThatThrownBy(() -> channel("another-secret-value").send(opened()))
        .isInstanceOf(ChannelException.class).hasMessageContaining("HTTP 401");

    assertThat(receiver.rejected()).containsExactly("signature does not match the body");
    assertThat(receiver.attempts()).isEqualTo(1);
  }

  @Test
  void serverErrorsAndAHangAreRetriedWithBackoffUntilTheReceiverTakesIt() throws Exception {
    receiver.failNext(503, 500).hangNext(1);

    channel(SECRET).send(opened());

    assertThat(receiver.attempts()).isEqualTo(4);
    assertThat(receiver.accepted()).hasSize(1);
  }

  @Test
  void retriesAreBoundedAndTheLastAnswerIsReported() {
    receiver.failNext(502, 502, 502, 502, 502);

    assertThatThrownBy(() -> channel(SECRET).send(opened()))
        .isInstanceOf(ChannelException.class).hasMessage("HTTP 502 after 4 attempts");
    assertThat(receiver.attempts()).isEqualTo(4);
  }

  @Test
  void theSameEventSentByTwoJobsHasOneDeliveryIdSoTheReceiverKeepsItOnce() throws Exception {
    channel(SECRET).send(opened());
    channel(SECRET).send(opened());

    assertThat(receiver.accepted()).hasSize(1);
    assertThat(receiver.repeats()).isEqualTo(1);
  }

  @Test
  void backoffGrowsWithJitterWithinItsCap() {
    Backoff b = new Backoff(5, Duration.ofMillis(100), Duration.ofMillis(350), new Random(3));
    for (int i = 0; i < 50; i++) {
      assertThat(b.after(1).toMillis()).isBetween(50L, 100L);
      assertThat(b.after(2).toMillis()).isBetween(100L, 200L);
      assertThat(b.after(4).toMillis()).isBetween(175L, 350L);
    }
  }

  @Test
  void aWebhookThatHangsForeverEndsWithinTheChannelsBudget() {
    receiver.hangNext(100);
    List<String> log = new ArrayList<>();
    Channels channels = new Channels(List.of(channel(SECRET)), Duration.ofMillis(700), Redactor.none(), log::add);

    long start = System.nanoTime();
    List<Delivery> out = channels.announce(opened());

    assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(2));
    assertThat(out.get(0).sent()).isFalse();
    assertThat(log).hasSize(1);
  }

  private AegisConfig config(Map<String, String> settings) {
    return new ConfigLoader().load(tmp, Map.of(), settings, "test");
  }

  @Test
  void webhooksWithoutTheirSecretAreLeftOutWithAWarningThatSaysWhatToSet() {
    List<String> warnings = new ArrayList<>();
    Channels c = new ChannelSetup(config(Map.of("webhooks", receiver.url())), Map.of(), Redactor.none(),
        warnings::add, new Random(1)).channels();

    assertThat(c.isEmpty()).isTrue();
    assertThat(warnings).singleElement().asString().contains("AEGIS_WEBHOOK_SECRET", "no unsigned webhook");
  }

  @Test
  void aWebhookAddressThatIsNotHttpIsSkippedWithAWarningAndTheOthersKept() {
    List<String> warnings = new ArrayList<>();
    Channels c = new ChannelSetup(config(Map.of("webhooks", "ftp://example.com/x, " + receiver.url())),
        Map.of(ChannelSetup.WEBHOOK_SECRET, SECRET), Redactor.none(), warnings::add, new Random(1)).channels();

    assertThat(c.names()).containsExactly("webhook 127.0.0.1:" + HttpUrl.get(receiver.url()).port());
    assertThat(warnings).singleElement().asString().contains("'ftp://example.com/x'", "not an http(s) address");
  }
}
