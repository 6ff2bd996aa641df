package dev.aegis.core.text;

/**
 * Cleans text written by people Aegis does not trust (issue titles and bodies, comments) before anything
 * reads it: a person, a rule or a model must see the same words a maintainer sees on the page.
 *
 * <p>Removed: HTML comments (hidden on GitHub and Linear, so a classic place to smuggle instructions; an
 * unterminated {@code <!--} hides everything after it, so everything after it goes), invisible and
 * formatting characters (zero-width spaces and joiners, bidirectional overrides, word joiners, the byte
 * order mark, soft hyphens, Unicode tag characters, variation selectors) and control characters other than
 * newline and tab. Line endings become {@code \n}.
 */
public final class UntrustedText {
  private UntrustedText() {}

  /**
   * Returns {@code text} without hidden content.
   *
   * @param text raw text, may be null
   * @return cleaned text, never null
   */
  public static String clean(String text) {
    if (text == null || text.isEmpty()) {
      return "";
    }
    return withoutInvisible(withoutHtmlComments(text.replace("\r\n", "\n").replace('\r', '\n')));
  }

  private static String withoutHtmlComments(String text) {
    StringBuilder out = new StringBuilder(text.length());
    int at = 0;
    while (at < text.length()) {
      int open = text.indexOf("<!--", at);
      if (open < 0) {
        out.append(text, at, text.length());
        break;
      }
      out.append(text, at, open);
      int close = text.indexOf("-->", open + 4);
      at = close < 0 ? text.length() : close + 3;
    }
    return out.toString();
  }

  private static String withoutInvisible(String text) {
    StringBuilder out = new StringBuilder(text.length());
    text.codePoints().filter(cp -> !hidden(cp)).forEach(out::appendCodePoint);
    return out.toString();
  }

  /** True for code points that render as nothing or reorder what is shown. */
  static boolean hidden(int cp) {
    if (cp == '\n' || cp == '\t') {
      return false;
    }
    if (Character.isISOControl(cp)) {
      return true;
    }
    return cp == 0x00AD // soft hyphen
        || cp == 0x034F // combining grapheme joiner
        || cp == 0x061C // Arabic letter mark
        || cp == 0x115F
        || cp == 0x1160
        || cp == 0x17B4
        || cp == 0x17B5
        || cp == 0x180E // Mongolian vowel separator
        || (cp >= 0x200B && cp <= 0x200F) // zero-width space/joiners, LRM/RLM
        || (cp >= 0x202A && cp <= 0x202E) // bidi embeddings and overrides
        || (cp >= 0x2060 && cp <= 0x206F) // word joiner, invisible operators, bidi isolates
        || cp == 0x3164
        || (cp >= 0xFE00 && cp <= 0xFE0F) // variation selectors
        || cp == 0xFEFF // byte order mark / zero-width no-break space
        || cp == 0xFFA0
        || (cp >= 0xFFF0 && cp <= 0xFFFB) // interlinear annotations and specials
        || (cp >= 0x1D173 && cp <= 0x1D17A) // musical formatting
        || (cp >= 0xE0000 && cp <= 0xE007F) // tag characters (ASCII smuggling)
        || (cp >= 0xE0100 && cp <= 0xE01EF); // variation selectors supplement
  }
}
