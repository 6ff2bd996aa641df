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
 * A hash-chained audit log, one JSON object per line: {@code seq} (from 1), {@code time}, {@code type},
 * {@code data} (redacted), {@code prev} (the previous entry's hash; {@link #GENESIS} for the first) and
 * {@code hash} (SHA-256 of the canonical JSON of the other fields). Editing, dropping or reordering an
 * entry breaks the chain; {@link AuditVerifier} finds where. Cutting entries off the end is caught only
 * against a published {@link #lastHash()}.
 */
public final class AuditLog implements Closeable {
  /** The {@code prev} of the first entry. */
  public static final String GENESIS = "0".repeat(64);

  private final ObjectMapper json = Mappers.JSON;
  private final JsonLines out;
  private final Clock clock;
  private final Redactor redactor;
  private long seq;
  private String last = GENESIS;

  private AuditLog(JsonLines out, Clock clock, Redactor redactor) {
    this.out = out;
    this.clock = clock;
    this.redactor = redactor;
  }

  /**
   * Starts a new log at {@code file}, replacing any old one.
   *
   * @throws UncheckedIOException when the file cannot be written
   */
  public static AuditLog create(Path file, Clock clock, Redactor redactor) {
    return new AuditLog(JsonLines.create(file, "the audit log"), clock, redactor);
  }

  /**
   * Appends an entry and flushes it.
   *
   * @param data JSON-serialisable values; strings are redacted
   * @return the entry's hash
   */
  public synchronized String append(String type, Map<String, ?> data) {
    ObjectNode entry = json.createObjectNode();
    entry.put("seq", ++seq);
    entry.put("time", clock.instant().toString());
    entry.put("type", type);
    entry.set("data", RedactingJson.tree(json, redactor, data));
    entry.put("prev", last);
    last = Canonical.entryHash(json, entry);
    entry.put("hash", last);
    out.write(entry);
    return last;
  }

  /** The hash of the last entry ({@link #GENESIS} when empty): publish it to catch a cut-off tail. */
  public synchronized String lastHash() {
    return last;
  }

  public Path file() {
    return out.file();
  }

  @Override
  public synchronized void close() {
    out.close();
  }
}
