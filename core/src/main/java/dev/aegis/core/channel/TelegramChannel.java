package dev.aegis.core.channel;

import java.time.Duration;
import java.util.Objects;
import java.util.Set;

/**
 * The Telegram chat of {@code telegram.chat-id}: the RCA as a short non-technical message with the commands to
 * answer with, and one line when the pull request is open, the run is blocked or stopped. Flood control (429
 * with {@code retry_after}) is waited out once when it fits in {@code maxWait}; a longer wait gives up.
 */
final class TelegramChannel implements Channel {
  static final Set<RunEvent.Kind> KINDS =
      Set.of(RunEvent.Kind.PLANNED, RunEvent.Kind.PR_OPENED, RunEvent.Kind.BLOCKED, RunEvent.Kind.STOPPED);
  private static final int MAX_TEXT = 4096;

  private final TelegramApi api;
  private final String chatId;
  private final Duration maxWait;

  TelegramChannel(TelegramApi api, String chatId, Duration maxWait) {
    this.api = Objects.requireNonNull(api, "api");
    this.chatId = Objects.requireNonNull(chatId, "chatId");
    this.maxWait = Objects.requireNonNull(maxWait, "maxWait");
  }

  @Override
  public String name() {
    return "telegram";
  }

  @Override
  public boolean wants(RunEvent.Kind kind) {
    return KINDS.contains(kind);
  }

  @Override
  public void send(RunEvent event) throws ChannelException, InterruptedException {
    String text = Messages.text(event, Messages.Answer.HERE);
    if (text.codePointCount(0, text.length()) > MAX_TEXT) {
      text = text.substring(0, text.offsetByCodePoints(0, MAX_TEXT - 1)) + "…";
    }
    try {
      api.sendMessage(chatId, text);
    } catch (ChannelException e) {
      Duration wait = e.retryAfter().orElse(null);
      if (e.status() != 429 || wait == null) {
        throw e;
      }
      if (wait.compareTo(maxWait) > 0) {
        throw new ChannelException("Telegram asked to wait " + wait.toSeconds() + " s (flood control), longer than"
            + " the channels' budget allows; the message was not sent", 429, wait);
      }
      Thread.sleep(wait.toMillis());
      api.sendMessage(chatId, text);
    }
  }
}
