package dev.aegis.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.aegis.core.host.CoreEntry;
import dev.aegis.testkit.telegram.FakeTelegram;
import java.nio.file.Path;
import java.time.Clock;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code aegis setup telegram}: the token checked with getMe, the chat id and user ids found from getUpdates. */
class SetupCommandTest {
  private static final String TOKEN = "7000000001:AAsetupTokenForTheTest_42";
  @TempDir Path dir;
  private final FakeTelegram telegram = FakeTelegram.start(TOKEN, Clock.systemUTC());

  @AfterEach
  void close() {
    telegram.close();
  }

  private CliRun run(String token, String... args) {
    Map<String, String> env = new HashMap<>();
    env.put("PATH", System.getenv("PATH"));
    env.put("AEGIS_TELEGRAM_API_URL", telegram.apiUrl());
    if (token != null) {
      env.put("TELEGRAM_BOT_TOKEN", token);
    }
    return CliRun.of(env, dir, CoreEntry::new, args);
  }

  @Test
  void theChatThatMessagedTheBotIsFoundWithItsUsersAndWhatToSet() {
    telegram.userSays(31337, 11, "Maya", "maya", "hello bot");

    CliRun r = run(TOKEN, "setup", "telegram", "--wait", "0");

    assertThat(r.exit()).as(r.err()).isZero();
    assertThat(r.out()).contains("The token works: the bot is @" + FakeTelegram.BOT_USERNAME,
        "31337  private chat 'Maya', from Maya (user 11)", "chat-id: \"31337\"", "approvers: [11]");
    assertThat(r.out() + r.err()).doesNotContain(TOKEN);
    assertThat(telegram.violations()).isEmpty();
    assertThat(telegram.pendingUpdates()).isEqualTo(1);
  }

  @Test
  void aWrongTokenIsAnAuthErrorThatNamesTheVariable() {
    CliRun r = run("7000000001:AAwrongToken_0", "setup", "telegram", "--wait", "0");

    assertThat(r.exit()).isEqualTo(ExitCodes.AUTH);
    assertThat(r.err()).contains("401 Unauthorized", "TELEGRAM_BOT_TOKEN").doesNotContain("AAwrongToken");
  }

  @Test
  void noTokenSaysHowToGetOne() {
    CliRun r = run(null, "setup", "telegram");

    assertThat(r.exit()).isEqualTo(ExitCodes.CONFIG);
    assertThat(r.err()).contains("TELEGRAM_BOT_TOKEN is not set", "@BotFather");
  }

  @Test
  void noMessageYetSaysToMessageTheBot() {
    CliRun r = run(TOKEN, "setup", "telegram", "--wait", "0");

    assertThat(r.exit()).isEqualTo(ExitCodes.CONFIG);
    assertThat(r.err()).contains("No message reached the bot yet: message @" + FakeTelegram.BOT_USERNAME);
  }
}
