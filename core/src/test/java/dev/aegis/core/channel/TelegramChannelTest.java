package dev.aegis.core.channel;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.aegis.testkit.telegram.FakeTelegram;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import okhttp3.HttpUrl;
import okhttp3.OkHttpClient;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Telegram's sendMessage against a fake Bot API that checks requests against the published types. */
class TelegramChannelTest {
  private static final String TOKEN = "7000000001:AAtestTokenForTheFakeBotApi_123";
  private static final long CHAT = 424242L;
  private final FakeTelegram telegram = FakeTelegram.start(TOKEN, Clock.systemUTC()).chat(CHAT);
  private final OkHttpClient http = new OkHttpClient();

  @AfterEach
  void stop() {
    telegram.close();
  }

  private TelegramChannel channel(String token, String chat, Duration maxWait) {
    return new TelegramChannel(new TelegramApi(HttpUrl.get(telegram.apiUrl()), token, http), chat, maxWait);
  }

  private static RunEvent planned() {
    return RunEvent.of(RunEvent.Kind.PLANNED, "r-7", "#42", "https://github.com/acme/calc/issues/42",
        "add returns the difference", "r0", Instant.EPOCH)
        .withPlan("add 2 3 prints -1 instead of 5.", "add calls sub.", "Make add use +.", "low");
  }

  @Test
  void theRcaIsOneShortPlainMessageWithTheRunIdTheCommandsAndTheIssueLink() throws Exception {
    channel(TOKEN, String.valueOf(CHAT), Duration.ofSeconds(5)).send(planned());

    assertThat(telegram.violations()).isEmpty();
    FakeTelegram.Sent sent = telegram.sent().get(0);
    assertThat(sent.chatId()).isEqualTo(CHAT);
    assertThat(sent.text()).contains("The bug: add 2 3 prints -1 instead of 5.", "Why: add calls sub.",
        "The fix: Make add use +.", "Risk: low. Run r-7.", "/aegis proceed r-7", "/aegis stop r-7",
        "/aegis ask r-7 <question>", "https://github.com/acme/calc/issues/42");
    assertThat(sent.request().has("parse_mode")).isFalse();
    assertThat(sent.request().path("chat_id").isIntegralNumber()).isTrue();
  }

  @Test
  void aPullRequestIsOneLineWithItsLink() throws Exception {
    channel(TOKEN, String.valueOf(CHAT), Duration.ofSeconds(5)).send(RunEvent.of(RunEvent.Kind.PR_OPENED, "r-7",
        "#42", "", "", "r1", Instant.EPOCH).withLink("https://github.com/acme/calc/pull/43"));

    assertThat(telegram.sent().get(0).text())
        .isEqualTo("#42: Aegis opened a pull request for run r-7: https://github.com/acme/calc/pull/43");
  }

  @Test
  void floodControlIsWaitedOutOnceWhenItFits() throws Exception {
    telegram.rateLimitNext(1, 1);

    long start = System.nanoTime();
    channel(TOKEN, String.valueOf(CHAT), Duration.ofSeconds(5)).send(planned());

    assertThat(Duration.ofNanos(System.nanoTime() - start)).isGreaterThanOrEqualTo(Duration.ofMillis(950));
    assertThat(telegram.sent()).hasSize(1);
    assertThat(telegram.calls()).containsExactly("sendMessage", "sendMessage");
  }

  @Test
  void floodControlLongerThanTheBudgetGivesUpAtOnce() {
    telegram.rateLimitNext(1, 60);

    assertThatThrownBy(() -> channel(TOKEN, String.valueOf(CHAT), Duration.ofSeconds(5)).send(planned()))
        .isInstanceOf(ChannelException.class).hasMessageContaining("wait 60 s");
    assertThat(telegram.calls()).containsExactly("sendMessage");
  }

  @Test
  void anUnknownChatIsReportedAsTelegramSaysIt() {
    assertThatThrownBy(() -> channel(TOKEN, "999", Duration.ofSeconds(5)).send(planned()))
        .hasMessageContaining("400 Bad Request: chat not found");
  }

  @Test
  void aWrongTokenIsUnauthorizedAndTheMessageNamesNoToken() {
    String wrong = "7000000001:AAwrongTokenValue_456";

    assertThatThrownBy(() -> channel(wrong, String.valueOf(CHAT), Duration.ofSeconds(5)).send(planned()))
        .hasMessageContaining("401 Unauthorized").hasMessageContaining("check TELEGRAM_BOT_TOKEN")
        .satisfies(e -> assertThat(e.getMessage()).doesNotContain(wrong).doesNotContain("AAwrong"));
  }

  @Test
  void getUpdatesFollowsTheOffsetRule() throws Exception {
    TelegramApi api = new TelegramApi(HttpUrl.get(telegram.apiUrl()), TOKEN, http);
    long first = telegram.userSays(CHAT, 11, "Maya", "maya", "/aegis proceed r-7");
    telegram.userSays(CHAT, 11, "Maya", "maya", "hello");

    var all = api.getUpdates(0, 100);
    var after = api.getUpdates(first + 1, 100);

    assertThat(all).hasSize(2);
    assertThat(after).hasSize(1);
    assertThat(telegram.pendingUpdates()).isEqualTo(1);
    assertThat(telegram.violations()).isEmpty();
  }
}
