package dev.aegis.core.channel;

import com.fasterxml.jackson.databind.JsonNode;
import dev.aegis.core.command.Commands;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * Approvals from Telegram without a server of our own: a scheduled run reads the bot's unconfirmed updates
 * ({@code getUpdates}, at most {@link #LIMIT} per run) and, once they are handled, confirms them with a higher
 * offset, so Telegram itself keeps the offset and no later job sees them again. Whatever happens between
 * reading and confirming (a job that dies), the run's state records each command id as handled, so an update
 * read twice is carried out once.
 *
 * <p>Only text messages in the configured chat from users in {@code telegram.approvers} become commands; a
 * command from anyone else, or from another chat, is answered once with a polite refusal and changes nothing.
 */
public final class TelegramInbox {
  /** The most updates one run reads. */
  public static final int LIMIT = 100;

  /** What one read found. */
  public record Read(List<ChannelCommand> commands, List<String> refusals, long lastUpdateId) {
    public Read {
      commands = List.copyOf(commands);
      refusals = List.copyOf(refusals);
    }
  }

  private final TelegramApi api;
  private final String chatId;
  private final Set<String> approvers;

  TelegramInbox(TelegramApi api, String chatId, List<String> approvers) {
    this.api = Objects.requireNonNull(api, "api");
    this.chatId = Objects.requireNonNull(chatId, "chatId");
    this.approvers = Set.copyOf(approvers.stream().map(String::trim).toList());
  }

  /**
   * Reads the unconfirmed updates; refusals are answered here (politely, once: the update is confirmed with
   * the others).
   *
   * @throws ChannelException when Telegram cannot be read (nothing is confirmed then)
   */
  public Read read() throws ChannelException, InterruptedException {
    JsonNode updates = api.getUpdates(0, LIMIT);
    List<ChannelCommand> commands = new ArrayList<>();
    List<String> refusals = new ArrayList<>();
    long last = 0;
    for (JsonNode u : updates) {
      last = Math.max(last, u.path("update_id").asLong());
      JsonNode m = u.path("message");
      String text = m.path("text").asText("");
      Commands.Parsed parsed = Commands.parse(text);
      if (parsed instanceof Commands.NotACommand) {
        continue; // chatter is not Aegis's business
      }
      String chat = m.path("chat").path("id").asText("");
      String user = m.path("from").path("id").asText("");
      String name = name(m.path("from"));
      boolean allowed = approvers.contains(user) && !m.path("from").path("is_bot").asBoolean(false);
      if (parsed instanceof Commands.Invalid invalid) {
        if (allowed && chat.equals(chatId)) {
          refusals.add(refuse(chat, "That command could not be read: " + invalid.problem()));
        }
        continue;
      }
      Commands.Valid valid = (Commands.Valid) parsed;
      if (!chat.equals(chatId)) {
        refusals.add(refuse(chat, "Sorry " + name + ", Aegis takes commands only in its own chat."));
      } else if (!allowed) {
        refusals.add(refuse(chat, "Sorry " + name + ", only the maintainers listed in telegram.approvers may"
            + " command Aegis. Nothing was changed."));
      } else {
        commands.add(new ChannelCommand("telegram:" + u.path("update_id").asLong(), name + ChannelCommand.ON_TELEGRAM,
            valid.command(), Instant.ofEpochSecond(m.path("date").asLong()), chat));
      }
    }
    return new Read(commands, refusals, last);
  }

  /** Confirms every update up to {@code lastUpdateId}: Telegram never serves them again. */
  public void confirm(long lastUpdateId) throws ChannelException, InterruptedException {
    if (lastUpdateId > 0) {
      api.getUpdates(lastUpdateId + 1, 1);
    }
  }

  /** Answers in a chat; a failure to answer is returned, never thrown. */
  public String reply(String chat, String text) {
    try {
      api.sendMessage(chat, text);
      return "";
    } catch (ChannelException e) {
      return e.getMessage();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return "interrupted";
    }
  }

  private String refuse(String chat, String text) {
    String failed = reply(chat, text);
    return text + (failed.isEmpty() ? "" : " (the answer could not be sent: " + failed + ")");
  }

  /** A display name from a Telegram user, reduced to letters, digits, spaces and {@code .-_} (no markup). */
  static String name(JsonNode from) {
    String raw = (from.path("first_name").asText("") + " " + from.path("last_name").asText("")).strip();
    if (raw.isEmpty()) {
      raw = from.path("username").asText("user " + from.path("id").asText("?"));
    }
    String clean = raw.replaceAll("[^\\p{L}\\p{N} ._-]", "").strip();
    if (clean.isEmpty()) {
      clean = "user " + from.path("id").asText("?");
    }
    return clean.length() <= 40 ? clean : clean.substring(0, 40).strip();
  }
}
