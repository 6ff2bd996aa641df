package dev.aegis.core.agent;

import java.util.Objects;

/**
 * One piece of evidence in an RCA.
 *
 * @param file workspace-relative path
 * @param line 1-based line, 0 when the note is about the whole file
 * @param note what this line shows
 */
public record Evidence(String file, int line, String note) {
  public Evidence {
    Objects.requireNonNull(file, "file");
    note = Objects.requireNonNullElse(note, "");
    if (line < 0) {
      throw new IllegalArgumentException("line must not be negative");
    }
  }

  /** {@code file:line}, or just the file when the line is 0. */
  public String location() {
    return line == 0 ? file : file + ":" + line;
  }
}
