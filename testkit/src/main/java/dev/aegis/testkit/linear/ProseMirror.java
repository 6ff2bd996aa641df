package dev.aegis.testkit.linear;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What survives of a Markdown body once Linear has stored it. Linear keeps comment and issue bodies as ProseMirror
 * documents and answers Markdown rendered back from them; HTML has no node there, so HTML comments ({@code <!--
 * ... -->}, hidden state blocks included) vanish and tags such as {@code <details>} lose their markup (their text
 * stays). Code is text in ProseMirror: inside inline code and fenced blocks nothing is touched.
 *
 * <p>This is the part of Linear's round trip Aegis must not rely on; other normalisations Linear may make (list
 * markers, escaping) are not imitated.
 */
final class ProseMirror {
  private static final Pattern CODE = Pattern.compile("(?s)(^|\\n)(```|~~~).*?(\\n\\2[^\\n]*(?=\\n|$)|$)|`[^`\\n]+`");
  private static final Pattern HTML_COMMENT = Pattern.compile("(?s)<!--.*?(-->|$)");
  private static final Pattern TAG = Pattern.compile("</?[A-Za-z][A-Za-z0-9-]*(\\s[^<>]*)?/?>");

  private ProseMirror() {}

  /** {@code markdown} as Linear answers it after storing it; null stays null. */
  static String stored(String markdown) {
    if (markdown == null) {
      return null;
    }
    StringBuilder out = new StringBuilder();
    Matcher code = CODE.matcher(markdown);
    int last = 0;
    while (code.find()) {
      out.append(withoutHtml(markdown.substring(last, code.start()))).append(code.group());
      last = code.end();
    }
    out.append(withoutHtml(markdown.substring(last)));
    return out.toString().replaceAll("[ \\t]+\\n", "\n").replaceAll("\\n{3,}", "\n\n").strip();
  }

  private static String withoutHtml(String text) {
    return TAG.matcher(HTML_COMMENT.matcher(text).replaceAll("")).replaceAll("");
  }
}
