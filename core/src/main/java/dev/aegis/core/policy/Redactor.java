package dev.aegis.core.policy;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Replaces known secret values with {@code ***} in everything that leaves the engine. Also catches a secret
 * broken across lines (as {@code fold} or a terminal would print it) and each line of a multi-line secret
 * (a PEM key). Values shorter than {@link #MIN_LENGTH} are ignored: they would mask ordinary words.
 * Encoded forms (base64, URL-encoding) are not recognised.
 */
public final class Redactor {
  /** Shorter values are not treated as secrets. */
  public static final int MIN_LENGTH = 4;
  private static final String MASK = "***";

  private final List<String> values;
  private final List<Pattern> splitPatterns;

  private Redactor(List<String> values) {
    this.values = values;
    this.splitPatterns = values.stream().filter(v -> v.length() >= 8).map(Redactor::splitPattern).toList();
  }

  /** A redactor for {@code secrets}; blanks and short values are dropped. */
  public static Redactor of(Collection<String> secrets) {
    Set<String> all = new LinkedHashSet<>();
    for (String secret : secrets) {
      if (secret == null) {
        continue;
      }
      add(all, secret.trim());
      if (secret.contains("\n")) {
        for (String line : secret.split("\r?\n")) {
          if (line.trim().length() >= 8) {
            add(all, line.trim());
          }
        }
      }
    }
    List<String> sorted = new ArrayList<>(all);
    sorted.sort(Comparator.comparingInt(String::length).reversed());
    return new Redactor(List.copyOf(sorted));
  }

  private static void add(Set<String> all, String value) {
    if (value.length() >= MIN_LENGTH) {
      all.add(value);
    }
  }

  /** A redactor that changes nothing. */
  public static Redactor none() {
    return new Redactor(List.of());
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
