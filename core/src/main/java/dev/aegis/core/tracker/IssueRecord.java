package dev.aegis.core.tracker;

import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.regex.Pattern;

/**
 * A small named record Aegis keeps on an issue beside its comments (see {@link IssueRecords}): the state of a run,
 * or Aegis's notes on the issue (questions asked, commands refused or answered).
 *
 * @param name what the record is, unique on the issue: lower-case letters, digits, {@code -} and {@code _}, for
 *     example {@code run-eng-950-k3x9qa}
 * @param title what people see (Linear: the attachment's title), never blank
 * @param subtitle a second line for people, may be empty
 * @param data the machine-readable content, kept verbatim; keys and values are text, never secrets
 */
public record IssueRecord(String name, String title, String subtitle, Map<String, String> data) {
  private static final Pattern NAME = Pattern.compile("[a-z0-9][a-z0-9_-]{0,99}");

  public IssueRecord {
    Objects.requireNonNull(name, "name");
    if (!NAME.matcher(name).matches()) {
      throw new IllegalArgumentException("record names are lower-case letters, digits, '-' and '_': " + name);
    }
    Objects.requireNonNull(title, "title");
    if (title.isBlank()) {
      throw new IllegalArgumentException("a record needs a title people can read");
    }
    subtitle = Objects.requireNonNullElse(subtitle, "");
    data = java.util.Collections.unmodifiableMap(new TreeMap<>(Objects.requireNonNull(data, "data")));
  }

  /** One value, or empty text when the record has none. */
  public String get(String key) {
    return data.getOrDefault(key, "");
  }
}
