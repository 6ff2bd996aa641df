package dev.aegis.core.tracker;

import java.util.Locale;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * Identifies an issue across trackers: the tracker kind ({@code github}, {@code linear}) and the id people
 * use there ({@code 123}, {@code ENG-950}).
 *
 * @param tracker tracker kind, lower case, never null
 * @param id the human identifier in that tracker, never null or blank
 */
public record IssueKey(String tracker, String id) {
  private static final Pattern SAFE_ID = Pattern.compile("[A-Za-z0-9][A-Za-z0-9_-]{0,63}");

  public IssueKey {
    Objects.requireNonNull(tracker, "tracker");
    Objects.requireNonNull(id, "id");
    if (!SAFE_ID.matcher(id).matches()) {
      throw new IllegalArgumentException("issue id must be letters, digits, '-' or '_': " + id);
    }
    tracker = tracker.toLowerCase(Locale.ROOT);
  }

  /** A GitHub issue by number. */
  public static IssueKey github(int number) {
    if (number <= 0) {
      throw new IllegalArgumentException("GitHub issue numbers are positive: " + number);
    }
    return new IssueKey("github", Integer.toString(number));
  }

  /** The GitHub issue number; throws if this is not a GitHub key. */
  public int number() {
    if (!"github".equals(tracker)) {
      throw new IllegalStateException("not a GitHub issue: " + display());
    }
    return Integer.parseInt(id);
  }

  /** How decision lines and logs name the issue: {@code github:#123}, {@code linear:ENG-950}. */
  public String display() {
    return "github".equals(tracker) ? "github:#" + id : tracker + ":" + id;
  }

  /** The issue part of branch names and run ids: {@code 123}, {@code eng-950}. */
  public String slugBase() {
    return id.toLowerCase(Locale.ROOT);
  }

  @Override
  public String toString() {
    return display();
  }
}
