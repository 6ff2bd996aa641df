package dev.aegis.core.channel;

import dev.aegis.core.command.Command;
import java.time.Instant;
import java.util.Objects;

/**
 * A command that came from a channel (Telegram) rather than from an issue comment, from a person the channel's
 * configuration allows to command, in the configured chat.
 *
 * @param id the command's id, unique across channels ({@code telegram:<update_id>}); recorded as handled on
 *     the run like a comment id, so it is carried out once
 * @param who how the person is named on the issue, e.g. {@code Maya on Telegram}
 * @param command what they asked
 * @param at when they sent it (a command older than the run's current plan does not approve it)
 * @param replyTo where the answer to it goes (the chat id)
 */
public record ChannelCommand(String id, String who, Command command, Instant at, String replyTo) {
  /** How a channel person's name ends, so the texts show it as is (no {@code @} mention). */
  public static final String ON_TELEGRAM = " on Telegram";

  public ChannelCommand {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(who, "who");
    Objects.requireNonNull(command, "command");
    Objects.requireNonNull(at, "at");
    Objects.requireNonNull(replyTo, "replyTo");
  }
}
