package dev.aegis.core.policy;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Locale;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Replaces known secret values with {@code ***} in everything that leaves the engine. Also catches a secret
 * broken across lines (as {@code fold} or a terminal would print it), each line of a multi-line secret (a
 * PEM key), and, for secrets of 8 characters or more, the common encodings a command or a model would use to
 * smuggle one past a plain match: reversed, hex (either case), URL-encoded, and base64 (standard and URL-safe)
 * at each of the three byte alignments it can start at inside a longer encoded stream (so
 * {@code env | base64} and {@code rev | base64} are caught too). Values shorter than {@link #MIN_LENGTH} are
 * ignored: they would mask ordinary words. This is the last layer, not the first: a transformation it does
 * not know (xor, a cipher) gets through, which is why secrets are kept out of commands' reach altogether.
 */
public final class Redactor {
  /** Shorter values are not treated as secrets. */
  public static final int MIN_LENGTH = 4;
  private static final String MASK = "***";

  private final List<String> values;
  private final List<Pattern> splitPatterns;

  private Redactor(List<String> values, List<String> plain) {
    this.values = values;
    this.splitPatterns = plain.stream().filter(v -> v.length() >= 8).map(Redactor::splitPattern).toList();
  }

  /** A redactor for {@code secrets}; blanks and short values are dropped. */
  public static Redactor of(Collection<String> secrets) {
    Set<String> plain = new LinkedHashSet<>();
    for (String secret : secrets) {
      if (secret == null) {
        continue;
      }
      add(plain, secret.trim());
      if (secret.contains("\n")) {
        for (String line : secret.split("\r?\n")) {
          if (line.trim().length() >= 8) {
            add(plain, line.trim());
          }
        }
      }
    }
    Set<String> all = new LinkedHashSet<>(plain);
    plain.forEach(v -> all.addAll(encodings(v)));
    List<String> sorted = new ArrayList<>(all);
    sorted.sort(Comparator.comparingInt(String::length).reversed());
    return new Redactor(List.copyOf(sorted), List.copyOf(plain));
  }

  /** The encoded forms of {@code secret} worth masking (empty for short secrets). */
  static Set<String> encodings(String secret) {
    Set<String> out = new LinkedHashSet<>();
    if (secret.length() < 8) {
      return out;
    }
    String reversed = new StringBuilder(secret).reverse().toString();
    for (String form : List.of(secret, reversed)) {
      out.add(form);
      byte[] bytes = form.getBytes(StandardCharsets.UTF_8);
      String hex = HexFormat.of().formatHex(bytes);
      out.add(hex);
      out.add(hex.toUpperCase(Locale.ROOT));
      String url = URLEncoder.encode(form, StandardCharsets.UTF_8);
      out.add(url);
      out.add(url.replace("+", "%20"));
      for (int offset = 0; offset < 3; offset++) {
        out.add(base64Core(Base64.getEncoder(), bytes, offset));
        out.add(base64Core(Base64.getUrlEncoder(), bytes, offset));
      }
    }
    out.remove(secret);
    out.removeIf(v -> v.length() < 8);
    return out;
  }

  /**
   * The characters of {@code bytes}'s base64 encoding that depend on {@code bytes} alone when they start
   * {@code offset} bytes into a longer stream: whatever comes before and after, these appear verbatim.
   */
  private static String base64Core(Base64.Encoder encoder, byte[] bytes, int offset) {
    byte[] shifted = new byte[offset + bytes.length];
    System.arraycopy(bytes, 0, shifted, offset, bytes.length);
    String encoded = encoder.withoutPadding().encodeToString(shifted);
    int first = (8 * offset + 5) / 6;
    int end = (8 * (offset + bytes.length)) / 6;
    return end > first ? encoded.substring(first, end) : "";
  }

  private static void add(Set<String> all, String value) {
    if (value.length() >= MIN_LENGTH) {
      all.add(value);
    }
  }

  /** A redactor that changes nothing. */
  public static Redactor none() {
    return new Redactor(List.of(), List.of());
  }

  /** {@code text} with every known secret replaced by {@code ***}; null stays null. */
  public String redact(String text) {
    if (text == null || values.isEmpty()) {
      return text;
    }
    String out = text;
    for (String value : values) {
      out = out.replace(value, MASK);
    }
    if (out.indexOf('\n') >= 0) {
      for (Pattern pattern : splitPatterns) {
        out = pattern.matcher(out).replaceAll(Matcher.quoteReplacement(MASK));
      }
    }
    return out;
  }

  /** The secret with an optional line break between any two characters. */
  private static Pattern splitPattern(String value) {
    StringBuilder regex = new StringBuilder();
    for (int i = 0; i < value.length(); i++) {
      if (i > 0) {
        regex.append("(?:\\r?\\n)?");
      }
      regex.append(Pattern.quote(String.valueOf(value.charAt(i))));
    }
    return Pattern.compile(regex.toString());
  }
}
