package dev.aegis.core.channel;

import com.fasterxml.jackson.databind.JsonNode;
import dev.aegis.core.config.AegisConfig;
import dev.aegis.core.config.ConfigKeys;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import okhttp3.HttpUrl;
import okhttp3.OkHttpClient;

/**
 * {@code aegis setup telegram}: checks the bot token with {@code getMe}, then finds the chats that messaged the
 * bot with {@code getUpdates} (read only: nothing is confirmed), so the maintainer learns the chat id and
 * their own user id without hunting for them.
 */
public final class TelegramSetup {
  /** The bot, as {@code getMe} names it. */
  public record Bot(long id, String username) {}

  /**
   * A chat that messaged the bot, and who wrote in it.
   *
   * @param id the value for {@code telegram.chat-id}
   * @param kind private, group, supergroup
   * @param title the chat's title or the person's name
   * @param users user id to name, for {@code telegram.approvers}
   */
  public record Chat(String id, String kind, String title, Map<String, String> users) {
    public Chat {
      users = Map.copyOf(users);
    }
  }

  private final TelegramApi api;

  private TelegramSetup(TelegramApi api) {
    this.api = api;
  }

  /**
   * The setup for the configured token and Bot API address.
   *
   * @throws IllegalArgumentException naming what is missing or malformed (never the token)
   */
  public static TelegramSetup of(AegisConfig config, Map<String, String> environment) {
    String token = Optional.ofNullable(environment.get(ChannelSetup.TELEGRAM_BOT_TOKEN)).map(String::trim).orElse("");
    if (token.isEmpty()) {
      throw new IllegalArgumentException(ChannelSetup.TELEGRAM_BOT_TOKEN + " is not set: create a bot with @BotFather"
          + " and export its token as " + ChannelSetup.TELEGRAM_BOT_TOKEN + " (a secret in CI)");
    }
    String raw = config.text(ConfigKeys.TELEGRAM_API_URL).orElse("https://api.telegram.org");
    HttpUrl url = HttpUrl.parse(raw);
    if (url == null) {
      throw new IllegalArgumentException("telegram.api-url '" + raw + "' is not an http(s) address");
    }
    OkHttpClient http = new OkHttpClient.Builder().callTimeout(Duration.ofSeconds(20)).build();
    try {
      return new TelegramSetup(new TelegramApi(url, token, http));
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException(ChannelSetup.TELEGRAM_BOT_TOKEN + " is malformed (a bot token looks like"
          + " 123456789:AA...)");
    }
  }

  /** {@code getMe}: the token works, and this is the bot. */
  public Bot check() throws ChannelException, InterruptedException {
    JsonNode me = api.getMe();
    return new Bot(me.path("id").asLong(), me.path("username").asText(""));
  }

  /** The chats whose messages wait for the bot (none until someone writes to it). */
  public List<Chat> chats() throws ChannelException, InterruptedException {
    Map<String, Chat> out = new LinkedHashMap<>();
    for (JsonNode u : api.getUpdates(0, TelegramInbox.LIMIT)) {
      JsonNode m = u.path("message");
      JsonNode chat = m.path("chat");
      if (chat.isMissingNode()) {
        continue;
      }
      String id = chat.path("id").asText();
      String title = chat.hasNonNull("title") ? chat.path("title").asText()
          : TelegramInbox.name(chat);
      Chat known = out.get(id);
      Map<String, String> users = new LinkedHashMap<>(known == null ? Map.of() : known.users());
      if (m.has("from") && !m.path("from").path("is_bot").asBoolean(false)) {
        users.put(m.path("from").path("id").asText(), TelegramInbox.name(m.path("from")));
      }
      out.put(id, new Chat(id, chat.path("type").asText("private"), title, users));
    }
    return new ArrayList<>(out.values());
  }
}
