package dev.aegis.core.ops;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.aegis.core.config.ConfigKeys;
import dev.aegis.core.config.ConfigLoader;
import dev.aegis.core.json.Mappers;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Sets {@code max-concurrent-runs} in the workspace's {@code .aegis/config.yml} by editing that one line: every
 * comment, every other key and the line's own trailing comment stay as they were. A file without the key gets
 * it appended; a missing file is created. The edited text is parsed before it is written, so a file is never
 * left in a state that reads differently than intended.
 */
final class LocalConfigSwitch {
  static final String KEY = ConfigKeys.MAX_CONCURRENT_RUNS;

  /** A top-level {@code max-concurrent-runs:} line (plain or quoted key), its value and its trailing comment. */
  private static final Pattern LINE = Pattern.compile(
      "^(?<key>max-concurrent-runs|\"max-concurrent-runs\"|'max-concurrent-runs')(?<colon>[ \\t]*:[ \\t]*)"
          + "(?<value>[^#\\s](?:[^#]*[^#\\s])?)?(?<gap>[ \\t]*)(?<comment>#.*)?$");
  private static final ObjectMapper YAML = Mappers.YAML;

  private LocalConfigSwitch() {}

  /**
   * Makes the file say {@code max-concurrent-runs: value}.
   *
   * @throws LocalEditException when the file cannot be edited safely (the key written in a form this edit does
   *     not recognise, written twice, or the file unreadable); nothing is written then
   */
  static LocalChange set(Path workspace, int value) {
    Path file = existing(workspace).orElse(workspace.resolve(ConfigLoader.FILE));
    try {
      if (!Files.exists(file)) {
        write(file, "# Aegis configuration: see `aegis init` for every key. Written by `aegis pause`/`resume`.\n"
            + KEY + ": " + value + "\n");
        return new LocalChange(file, LocalChange.Kind.CREATED, Optional.empty());
      }
      String text = Files.readString(file, StandardCharsets.UTF_8);
      Edit edit = edit(text, value, file);
      if (edit.before().filter(b -> b.equals(Integer.toString(value))).isPresent()) {
        return new LocalChange(file, LocalChange.Kind.UNCHANGED, edit.before());
      }
      check(edit.text(), value, file);
      write(file, edit.text());
      return new LocalChange(file, edit.before().isPresent() ? LocalChange.Kind.UPDATED : LocalChange.Kind.KEY_ADDED,
          edit.before());
    } catch (IOException e) {
      throw new LocalEditException(file + " cannot be read or written: " + e.getMessage(), e);
    }
  }

  private static Optional<Path> existing(Path workspace) {
    for (String name : List.of(ConfigLoader.FILE, ".aegis/config.yaml")) {
      Path p = workspace.resolve(name);
      if (Files.isRegularFile(p)) {
        return Optional.of(p);
      }
    }
    return Optional.empty();
  }

  /** The new text and the value the key had, if it had one. */
  private static Edit edit(String text, int value, Path file) {
    String newline = text.contains("\r\n") ? "\r\n" : "\n";
    List<String> lines = new ArrayList<>(List.of(text.split("\r?\n", -1)));
    int found = -1;
    Matcher match = null;
    for (int i = 0; i < lines.size(); i++) {
      Matcher m = LINE.matcher(lines.get(i));
      if (m.matches()) {
        if (found >= 0) {
          throw new LocalEditException(file + " sets '" + KEY + "' twice (lines " + (found + 1) + " and " + (i + 1)
              + "); keep one and run the command again.", null);
        }
        found = i;
        match = m;
      }
    }
    if (match == null) {
      if (mentionsKey(text)) {
        throw new LocalEditException(file + " sets '" + KEY + "' in a form this command does not edit (not a "
            + "top-level 'key: value' line); set it to " + value + " by hand.", null);
      }
      boolean endsWithNewline = text.isEmpty() || text.endsWith("\n");
      return new Edit(text + (endsWithNewline ? "" : newline) + KEY + ": " + value + newline, Optional.empty());
    }
    String before = unquote(Optional.ofNullable(match.group("value")).orElse(""));
    lines.set(found, replaced(match, Integer.toString(value)));
    return new Edit(String.join(newline, lines), Optional.of(before));
  }

  /** The line with its value replaced; a trailing comment keeps its column when the spacing allows. */
  private static String replaced(Matcher m, String value) {
    String old = Optional.ofNullable(m.group("value")).orElse("");
    String colon = m.group("colon").endsWith(" ") || m.group("colon").endsWith("\t") ? m.group("colon")
        : m.group("colon") + " ";
    String comment = m.group("comment");
    if (comment == null) {
      return m.group("key") + colon + value;
    }
    String gap = m.group("gap");
    String spacing = gap.contains("\t") ? gap : " ".repeat(Math.max(1, old.length() + gap.length() - value.length()));
    return m.group("key") + colon + value + spacing + comment;
  }

  private static String unquote(String value) {
    String v = value.trim();
    if (v.length() >= 2 && (v.startsWith("\"") && v.endsWith("\"") || v.startsWith("'") && v.endsWith("'"))) {
      return v.substring(1, v.length() - 1).trim();
    }
    return v;
  }

  private static boolean mentionsKey(String text) {
    try {
      JsonNode root = YAML.readTree(text);
      return root != null && root.has(KEY);
    } catch (IOException e) {
      return text.contains(KEY); // unparsable anyway: refuse rather than guess
    }
  }

  /** Parses the edited text and confirms it says what was meant. */
  private static void check(String text, int value, Path file) {
    JsonNode root;
    try {
      root = YAML.readTree(text);
    } catch (IOException e) {
      throw new LocalEditException(file + " would not be valid YAML after setting '" + KEY + "' (" + e.getMessage()
          + "); set it to " + value + " by hand.", e);
    }
    if (root == null || !root.path(KEY).asText().equals(Integer.toString(value))) {
      throw new LocalEditException(file + " would not read '" + KEY + ": " + value + "' after the edit; set it by "
          + "hand.", null);
    }
  }

  /** Writes beside the file, then moves it into place, so a crash leaves the old file or the new one. */
  private static void write(Path file, String text) throws IOException {
    Files.createDirectories(file.getParent());
    Path temp = Files.createTempFile(file.getParent(), ".config", ".tmp");
    try {
      Files.writeString(temp, text, StandardCharsets.UTF_8);
      Files.move(temp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    } finally {
      Files.deleteIfExists(temp);
    }
  }

  private record Edit(String text, Optional<String> before) {}

  /**
   * What the edit did.
   *
   * @param file the file set
   * @param kind what changed
   * @param before the value the key had, when it had one
   */
  record LocalChange(Path file, Kind kind, Optional<String> before) {
    enum Kind {
      CREATED,
      KEY_ADDED,
      UPDATED,
      UNCHANGED
    }
  }

  /** The file could not be edited safely; nothing was written. */
  static final class LocalEditException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    LocalEditException(String message, Throwable cause) {
      super(message, cause);
    }
  }
}
