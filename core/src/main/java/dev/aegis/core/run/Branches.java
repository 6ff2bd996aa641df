package dev.aegis.core.run;

import dev.aegis.core.tracker.IssueKey;
import java.text.Normalizer;
import java.util.Locale;

/** Names the branch of a run: {@code aegis/<issue>-<slug>}, the slug made safe from the (untrusted) title. */
public final class Branches {
  /** Every Aegis branch starts with this. */
  public static final String PREFIX = "aegis/";
  private static final int MAX_SLUG = 40;

  private Branches() {}

  /** {@code aegis/123-checkout-crashes-on-empty-cart}; {@code aegis/123-fix} when the title has no usable word. */
  public static String forIssue(IssueKey key, String title) {
    String slug = slug(title);
    return PREFIX + key.slugBase() + "-" + (slug.isEmpty() ? "fix" : slug);
  }

  /** Lower-case ASCII letters and digits joined by single dashes, at most 40 characters. */
  static String slug(String title) {
    String ascii = Normalizer.normalize(title == null ? "" : title, Normalizer.Form.NFKD)
        .replaceAll("\\p{M}+", "")
        .toLowerCase(Locale.ROOT);
    StringBuilder out = new StringBuilder();
    boolean dash = false;
    for (char c : ascii.toCharArray()) {
      boolean ok = (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9');
      if (ok) {
        if (dash && out.length() > 0) {
          out.append('-');
        }
        out.append(c);
        dash = false;
      } else {
        dash = true;
      }
      if (out.length() >= MAX_SLUG) {
        break;
      }
    }
    String s = out.length() > MAX_SLUG ? out.substring(0, MAX_SLUG) : out.toString();
    return s.replaceAll("-+$", "");
  }
}
