package dev.aegis.core.audit;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * A JSON Lines file written one flushed line at a time: what {@link AuditLog} and {@link Transcript} write through.
 * Not thread-safe; its owners synchronise. Failures name the file as {@code what} calls it.
 */
final class JsonLines {
  private final Path file;
  private final String what;
  private final BufferedWriter out;

  private JsonLines(Path file, String what, BufferedWriter out) {
    this.file = file;
    this.what = what;
    this.out = out;
  }

  /**
   * Starts a new file, replacing any old one.
   *
   * @param what how messages name the file ("the audit log")
   * @throws UncheckedIOException when the file cannot be written
   */
  static JsonLines create(Path file, String what) {
    try {
      Files.createDirectories(file.toAbsolutePath().getParent());
      return new JsonLines(file, what, Files.newBufferedWriter(file, StandardCharsets.UTF_8));
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write " + what + " " + file, e);
    }
  }

  /** Writes {@code line} and a newline, and flushes. */
  void write(ObjectNode line) {
    try {
      out.write(line.toString());
      out.write('\n');
      out.flush();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write " + what + " " + file, e);
    }
  }

  Path file() {
    return file;
  }

  void close() {
    try {
      out.close();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot close " + what + " " + file, e);
    }
  }
}
