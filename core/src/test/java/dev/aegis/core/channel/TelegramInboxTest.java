package dev.aegis.core.channel;

import static org.assertj.core.api.Assertions.assertThat;

import dev.aegis.core.command.Command;
import dev.aegis.testkit.telegram.FakeTelegram;
import java.time.Clock;
import java.util.List;
import okhttp3.HttpUrl;
import okhttp3.OkHttpClient;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Which Telegram messages become commands, and how the others are answered. */
class TelegramInboxTest {
  private static final String TOKEN = "7000000001:AAinboxTokenForTheTest_5";
  private static final long CHAT = 500L;
  private static final long OTHER_CHAT = -900L;
  private final FakeTelegram telegram = FakeTelegram.start(TOKEN, Clock.systemUTC()).chat(CHAT);
  private final TelegramInbox inbox = new TelegramInbox(
      new TelegramApi(HttpUrl.get(telegram.apiUrl()), TOKEN, new OkHttpClient()), String.valueOf(CHAT), List.of("11"));

  @AfterEach
  void stop() {
    telegram.close();
  }

  @Test
  void onlyAnApproverInTheConfiguredChatCommandsAndTheOthersAreAnsweredOnceEach() throws Exception {
    telegram.userSays(CHAT, 11, "Maya", "maya", "/aegis stop 42-abcdef");
    telegram.userSays(OTHER_CHAT, 11, "Maya", "maya", "/aegis proceed 42-abcdef");
    telegram.userSays(CHAT, 66, "Mallory", null, "/aegis proceed 42-abcdef");
    telegram.userSays(CHAT, 66, "Mallory", null, "just chatting");

    TelegramInbox.Read read = inbox.read();

    assertThat(read.commands()).singleElement().satisfies(c -> {
      assertThat(c.command()).isEqualTo(new Command(Command.Verb.STOP, "42-abcdef", ""));
      assertThat(c.who()).isEqualTo("Maya on Telegram");
      assertThat(c.id()).startsWith("telegram:");
    });
    assertThat(read.refusals()).hasSize(2);
    assertThat(telegram.sent()).extracting(FakeTelegram.Sent::chatId).containsExactly(OTHER_CHAT, CHAT);
    assertThat(telegram.sent().get(0).text()).isEqualTo("Sorry Maya, Aegis takes commands only in its own chat.");
    assertThat(telegram.sent().get(1).text()).startsWith("Sorry Mallory, only the maintainers");
    assertThat(telegram.pendingUpdates()).isEqualTo(4);

    inbox.confirm(read.lastUpdateId());

    assertThat(telegram.pendingUpdates()).isZero();
    assertThat(inbox.read().commands()).isEmpty();
    assertThat(telegram.violations()).isEmpty();
  }

  @Test
  void aNameIsReducedToPlainWordsSoTheIssueNeverPingsOrRendersMarkup() throws Exception {
    telegram.userSays(CHAT, 11, "@octocat **bold** <img>", null, "/aegis proceed 42-abcdef");

    ChannelCommand c = inbox.read().commands().get(0);

    assertThat(c.who()).isEqualTo("octocat bold img on Telegram");
  }
}
