package dev.aegis.core.flow;

import java.util.regex.Pattern;

/**
 * Makes text Aegis did not write itself (model prose, issue titles) safe to embed in a comment or pull
 * request body that Aegis posts under its own name:
 * <ul>
 *   <li>{@code <} becomes {@code &lt;}: no HTML, and above all no hidden {@code <!-- aegis:state -->} block
 *       that would be trusted because Aegis's identity posted it;</li>
 *   <li>{@code @name} mentions are broken, so a run cannot ping or spam people;</li>
 *   <li>{@code #123} and closing keywords are broken, so a PR body cannot close or cross-link other issues;
 *       only the {@code Fixes #N} line Aegis writes itself does that;</li>
 *   <li>a line starting with {@code /aegis} gets its slash as an HTML entity (it still reads {@code /aegis}).</li>
 * </ul>
 */
public final class SafeMarkdown {
  private static final String ZWSP = "\u200B";
  private static final Pattern MENTION = Pattern.compile("@(?=[A-Za-z0-9])");
  private static final Pattern ISSUE_REF = Pattern.compile("(?<!&)#(?=\\d)");
  private static final Pattern CLOSING = Pattern.compile(
      "(?i)\\b(close[sd]?|fix(e[sd])?|resolve[sd]?)(\\s*:?\\s+)(?=[\\w.-]*/?[\\w.-]*#)");
  private static final Pattern COMMAND = Pattern.compile("(?im)^(\\s*)/aegis");

  private SafeMarkdown() {}

  /** The text, safe to embed. */
  public static String of(String text) {
    if (text == null) {
      return "";
    }
    String out = text.replace("<", "&lt;");
    out = CLOSING.matcher(out).replaceAll("$1" + ZWSP + "$3");
    out = MENTION.matcher(out).replaceAll("@" + ZWSP);
    out = ISSUE_REF.matcher(out).replaceAll("#" + ZWSP);
    out = COMMAND.matcher(out).replaceAll("$1&#47;aegis");
    return out;
  }

  /** For inline code spans: no backticks, no newlines. */
  public static String code(String text) {
    return of(text).replace("`", "'").replace("\n", " ");
  }
}
