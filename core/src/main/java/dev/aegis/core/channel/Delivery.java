package dev.aegis.core.channel;

import java.util.Objects;

/**
 * What became of one event on one channel.
 *
 * @param channel the channel's name
 * @param status sent, failed or timed out
 * @param detail why it failed (redacted), empty when sent
 */
public record Delivery(String channel, Status status, String detail) {

  /** The outcomes of a delivery. */
  public enum Status { SENT, FAILED, TIMED_OUT }

  public Delivery {
    Objects.requireNonNull(channel, "channel");
    Objects.requireNonNull(status, "status");
    detail = Objects.requireNonNullElse(detail, "");
  }

  public boolean sent() {
    return status == Status.SENT;
  }
}
