package dev.aegis.core.channel;

/**
 * One place run events are sent besides the tracker: a Telegram chat, a Slack webhook, an email address, a
 * signed webhook. Implementations do I/O and nothing else; {@link Channels} gives them redacted events,
 * bounds their time and turns what they throw into a {@link Delivery}.
 */
public interface Channel {

  /** A short name for logs: {@code telegram}, {@code slack}, {@code email}, {@code webhook https://...}. */
  String name();

  /** True when this channel is told events of this kind (Telegram and Slack skip the claim, for instance). */
  boolean wants(RunEvent.Kind kind);

  /**
   * Sends one event, retrying as the channel's protocol allows; may be interrupted when its time is up.
   *
   * @throws ChannelException when the channel refused or could not be reached
   * @throws InterruptedException when the fan-out's budget ran out
   */
  void send(RunEvent event) throws ChannelException, InterruptedException;
}
