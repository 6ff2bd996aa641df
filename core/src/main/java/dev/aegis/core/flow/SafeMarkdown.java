package dev.aegis.core.flow;

import dev.aegis.core.text.UntrustedText;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Makes text Aegis did not write itself (model prose, issue titles) safe to embed in a comment or pull
 * request body that Aegis posts under its own name:
 * <ul>
 *   <li>{@code <} becomes {@code &lt;}: no HTML, and above all no hidden {@code <!-- aegis:state -->} block
 *       that would be trusted because Aegis's identity posted it;</li>
 *   <li>{@code @name} mentions are broken, so a run cannot ping or spam people;</li>
 *   <li>{@code #123}, {@code GH-123} and closing keywords in every form GitHub honours ({@code fixes #7},
 *       {@code closes GH-7}, {@code resolves o/r#7}, {@code fixes https://github.com/o/r/issues/7}) are
 *       broken, so a PR body or commit message cannot close or cross-link other issues; only the
 *       {@code Fixes #N} line Aegis writes itself does that;</li>
 *   <li>images are not rendered ({@code ![alt](url)} becomes text and a link): a remote image is fetched by
 *       every reader's browser, a beacon that could carry data out in its URL;</li>
 *   <li>invisible and reordering characters (bidi overrides, Unicode tag characters, zero-width ones) are
 *       removed, as they are from issue text, so what a maintainer reads is what is there;</li>
 *   <li>a line starting with {@code /aegis} gets its slash as an HTML entity (it still reads {@code /aegis}).</li>
 * </ul>
 */
public final class SafeMarkdown {
  private static final String ZWSP = "\u200B";
  private static final Pattern MENTION = Pattern.compile("@(?=[A-Za-z0-9])");
  private static final Pattern ISSUE_REF = Pattern.compile("(?<!&)#(?=\\d)");
  private static final Pattern GH_REF = Pattern.compile("(?i)\\b(gh)-(?=\\d)");
  private static final Pattern CLOSING = Pattern.compile("(?i)\\b(?:close[sd]?|fix(?:e[sd])?|resolve[sd]?)\\b");
  private static final Pattern REFERENCE_AFTER = Pattern.compile(
      "(?i)^\\s*:?\\s*(?:#\\d|gh-\\d|[\\w.-]+/[\\w.-]+#\\d|https?://\\S+/(?:issues|pull)/\\d)");
  private static final Pattern IMAGE = Pattern.compile("!(?=\\[)");
  private static final Pattern COMMAND = Pattern.compile("(?im)^(\\s*)/aegis");
  private static final Pattern URL = Pattern.compile("(?i)\\b(https?|wss?|ftp)://(?:[^/\\s@]*@)?([a-z0-9.-]+|\\[[0-9a-f:.]+\\])[^\\s)\\]>]*");

  private SafeMarkdown() {}

  /** The text, safe to embed. */
  public static String of(String text) {
    if (text == null) {
      return "";
    }
    String out = UntrustedText.clean(text).replace("<", "&lt;");
    out = withoutClosingKeywords(out);
    out = GH_REF.matcher(out).replaceAll("$1" + ZWSP + "-");
    out = IMAGE.matcher(out).replaceAll("\\\\!");
    out = MENTION.matcher(out).replaceAll("@" + ZWSP);
    out = ISSUE_REF.matcher(out).replaceAll("#" + ZWSP);
    out = COMMAND.matcher(out).replaceAll("$1&#47;aegis");
    return out;
  }

  /** Breaks each closing keyword that a reference follows, inside the word, so no parser sees the keyword. */
  private static String withoutClosingKeywords(String text) {
    Matcher m = CLOSING.matcher(text);
    StringBuilder out = new StringBuilder();
    while (m.find()) {
      boolean referenced = REFERENCE_AFTER.matcher(text.substring(m.end(), Math.min(text.length(), m.end() + 200)))
          .find();
      String word = m.group();
      m.appendReplacement(out, Matcher.quoteReplacement(referenced ? word.charAt(0) + ZWSP + word.substring(1) : word));
    }
    m.appendTail(out);
    return out.toString();
  }

  /**
   * {@code text} with every URL whose host is not one of {@code hosts} replaced by a placeholder: a blocked
   * note must not print the model endpoint or another internal address on a public issue.
   */
  public static String withoutEndpoints(String text, java.util.Set<String> hosts) {
    Matcher m = URL.matcher(text);
    StringBuilder out = new StringBuilder();
    while (m.find()) {
      String host = m.group(2).toLowerCase(java.util.Locale.ROOT);
      boolean shown = hosts.stream().anyMatch(h -> host.equals(h) || host.endsWith("." + h));
      m.appendReplacement(out, Matcher.quoteReplacement(shown ? m.group() : "(address not shown)"));
    }
    m.appendTail(out);
    return out.toString();
  }

  /** For inline code spans: no backticks, no newlines. */
  public static String code(String text) {
    return of(text).replace("`", "'").replace("\n", " ");
  }
}
