package dev.aegis.core.host;

import dev.aegis.core.tracker.IssueKey;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Reads the issue a user names on a command line or step parameter: {@code 123}, {@code #123}, {@code ENG-950}. */
final class IssueArgs {
  private static final Pattern GITHUB = Pattern.compile("(?:github:)?#?(\\d{1,9})");
  private static final Pattern LINEAR = Pattern.compile("(?:linear:)?([A-Za-z][A-Za-z0-9]{0,9}-\\d{1,9})");

  private IssueArgs() {}

  static IssueKey parse(String text) {
    String t = text.trim();
    Matcher g = GITHUB.matcher(t);
    if (g.matches()) {
      return IssueKey.github(Integer.parseInt(g.group(1)));
    }
    Matcher l = LINEAR.matcher(t);
    if (l.matches()) {
      return new IssueKey("linear", l.group(1).toUpperCase(java.util.Locale.ROOT));
    }
    throw new IllegalArgumentException("'" + text + "' is not an issue: use a GitHub number (123) or a Linear id (ENG-950)");
  }
}
