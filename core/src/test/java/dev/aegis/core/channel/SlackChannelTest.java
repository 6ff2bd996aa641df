package dev.aegis.core.channel;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.aegis.core.config.ConfigLoader;
import dev.aegis.core.policy.Redactor;
import dev.aegis.testkit.channels.FakeSlackWebhook;
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

/** The Slack incoming webhook against a fake that answers as Slack does. */
class SlackChannelTest {
  private final FakeSlackWebhook slack = FakeSlackWebhook.start();
  private final OkHttpClient http = new OkHttpClient();
  private final Backoff fast = new Backoff(2, Duration.ofMillis(10), Duration.ofMillis(50), new Random(1));
  @TempDir Path tmp;

  @AfterEach
  void stop() {
    slack.close();
  }

  private SlackChannel channel(String url) {
    return new SlackChannel(HttpUrl.get(url), http, fast);
  }

  private static RunEvent planned() {
    return RunEvent.of(RunEvent.Kind.PLANNED, "r-7", "#42", "https://github.com/acme/calc/issues/42",
        "add <returns> the difference", "r0", Instant.EPOCH)
        .withPlan("add 2 3 prints -1 & not 5", "add calls sub", "call + instead", "low");
  }

  @Test
  void theRcaIsOneMrkdwnSectionWithEscapedTextAndNoCommandsToAnswerInSlack() throws Exception {
    channel(slack.url()).send(planned());

    assertThat(slack.refused()).isEmpty();
    var m = slack.messages().get(0);
    String text = m.path("blocks").get(0).path("text").path("text").asText();
    assertThat(m.path("blocks").get(0).path("text").path("type").asText()).isEqualTo("mrkdwn");
    assertThat(text).contains("#42 \"add &lt;returns&gt; the difference\"", "The bug: add 2 3 prints -1 &amp; not 5",
        "Why: add calls sub", "The fix: call + instead", "Risk: low. Run r-7.",
        "Answer on the issue: /aegis proceed r-7", "https://github.com/acme/calc/issues/42");
    assertThat(text).doesNotContain("Reply here");
    assertThat(m.path("text").asText()).isEqualTo(text);
  }

  @Test
  void aRemovedWebhookIsReportedAsNoServiceWithWhatToDoAndNotRetried() {
    assertThatThrownBy(() -> channel(slack.removedUrl()).send(planned()))
        .isInstanceOf(ChannelException.class)
        .hasMessageContaining("HTTP 404 no_service")
        .hasMessageContaining("update AEGIS_SLACK_WEBHOOK_URL");
    assertThat(slack.requests()).isEqualTo(1);
  }

  @Test
  void anArchivedChannelIsFinal() {
    slack.failNext(410);

    assertThatThrownBy(() -> channel(slack.url()).send(planned())).hasMessageContaining("410 channel_is_archived");
    assertThat(slack.requests()).isEqualTo(1);
  }

  @Test
  void aRateLimitIsTriedOnceMore() throws Exception {
    slack.failNext(429);
    Backoff honoursRetryAfter = new Backoff(2, Duration.ofMillis(10), Duration.ofMillis(1500), new Random(1));

    long start = System.nanoTime();
    new SlackChannel(HttpUrl.get(slack.url()), http, honoursRetryAfter).send(planned());

    assertThat(Duration.ofNanos(System.nanoTime() - start)).isGreaterThanOrEqualTo(Duration.ofMillis(900));
    assertThat(slack.messages()).hasSize(1);
  }

  @Test
  void theClaimAndTheApprovalAreNotSentToSlack() {
    SlackChannel c = channel(slack.url());

    assertThat(c.wants(RunEvent.Kind.CLAIMED)).isFalse();
    assertThat(c.wants(RunEvent.Kind.APPROVED)).isFalse();
    assertThat(c.wants(RunEvent.Kind.PR_OPENED)).isTrue();
  }

  @Test
  void theWebhookAddressNeverAppearsInTheFailureLine() {
    String removed = slack.removedUrl();
    List<String> log = new ArrayList<>();
    var config = new ConfigLoader().load(tmp, Map.of(), Map.of(), "test");
    var env = Map.of(ChannelSetup.SLACK_WEBHOOK_URL, removed);
    Redactor redactor = dev.aegis.core.policy.Secrets.fromEnvironment(env, List.of(), List.of()).redactor();
    Channels channels = new ChannelSetup(config, env, redactor, log::add, new Random(1)).channels();

    List<Delivery> out = channels.announce(planned());

    assertThat(out).singleElement().extracting(Delivery::status).isEqualTo(Delivery.Status.FAILED);
    assertThat(log).singleElement().asString().contains("slack", "no_service").doesNotContain(removed)
        .doesNotContain("B0GONE000");
  }
}
