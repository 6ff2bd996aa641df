package dev.aegis.core.audit;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.aegis.core.json.Mappers;
import dev.aegis.core.policy.Redactor;
import java.io.Closeable;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Map;

/**
 * The run's transcript: one JSON object per line ({@code time}, {@code type}, then the event's fields), every
 * string redacted. The full story for a human; the {@link AuditLog} is the tamper-evident summary.
 */
public final class Transcript implements Closeable {
  private final ObjectMapper json = Mappers.JSON;
  private final JsonLines out;
  private final Clock clock;
  private final Redactor redactor;

  private Transcript(JsonLines out, Clock clock, Redactor redactor) {
    this.out = out;
    this.clock = clock;
    this.redactor = redactor;
  }

  /**
   * Starts a new transcript at {@code file}, replacing any old one.
   *
   * @throws UncheckedIOException when the file cannot be written
   */
  public static Transcript create(Path file, Clock clock, Redactor redactor) {
    return new Transcript(JsonLines.create(file, "the transcript"), clock, redactor);
  }

  /** Appends one event and flushes it; strings in {@code data} are redacted. */
  public synchronized void append(String type, Map<String, ?> data) {
    ObjectNode line = json.createObjectNode();
    line.put("time", clock.instant().toString());
    line.put("type", type);
    RedactingJson.tree(json, redactor, data).fields().forEachRemaining(e -> line.set(e.getKey(), e.getValue()));
    out.write(line);
  }

  public Path file() {
    return out.file();
  }

  @Override
  public synchronized void close() {
    out.close();
  }
}
