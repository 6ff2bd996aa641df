package dev.aegis.core.http;

import java.io.IOException;
import okio.BufferedSource;

/**
 * Reads a {@code text/event-stream} body as the HTML standard defines it: {@code field: value} lines,
 * {@code data} lines joined with newlines, an event dispatched at a blank line, {@code :} lines are comments
 * (keep-alives), a missing {@code event} field means {@code message}, and an event the stream ends inside is
 * discarded. Only {@code event} and {@code data}
 * matter to the model APIs; {@code id} and {@code retry} are read and ignored.
 */
public final class ServerSentEvents {
  /** One dispatched event. */
  public record Event(String name, String data) {}

  /** What to do with each event; returning false stops reading (the reply is complete). */
  @FunctionalInterface
  public interface Listener {
    boolean onEvent(Event event) throws IOException;
  }

  private ServerSentEvents() {}

  /**
   * Reads events from {@code source} until the stream ends or {@code listener} says stop. A read that waits
   * longer than the client's read timeout throws {@link java.io.InterruptedIOException}, so the read
   * timeout is an idle timeout: a slow but steady stream is never cut.
   *
   * @return true if the listener stopped the stream, false if the stream ended first
   */
  public static boolean read(BufferedSource source, Listener listener) throws IOException {
    String name = "";
    StringBuilder data = null;
    String line;
    while ((line = source.readUtf8Line()) != null) {
      if (line.isEmpty()) {
        if (data != null) {
          if (!listener.onEvent(new Event(name.isEmpty() ? "message" : name, data.toString()))) {
            return true;
          }
        }
        name = "";
        data = null;
        continue;
      }
      if (line.startsWith(":")) {
        continue;
      }
      int colon = line.indexOf(':');
      String field = colon < 0 ? line : line.substring(0, colon);
      String value = colon < 0 ? "" : line.substring(colon + 1);
      if (value.startsWith(" ")) {
        value = value.substring(1);
      }
      switch (field) {
        case "event" -> name = value;
        case "data" -> {
          if (data == null) {
            data = new StringBuilder(value);
          } else {
            data.append('\n').append(value);
          }
        }
        default -> { /* id, retry and unknown fields are ignored, as the standard says */ }
      }
    }
    return false; // an event not closed by a blank line is discarded at the end, as the standard says
  }
}
