package dev.aegis.core.production;

import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * Which result columns are masked before the model sees them: a column whose name contains one of
 * {@code patterns} (case-insensitive), unless its name is in {@code allowed}.
 *
 * @param patterns name fragments that mark secret or personal data
 * @param allowed column names the maintainer lets through (exact, case-insensitive)
 */
public record ColumnMask(List<String> patterns, List<String> allowed) {
  /** The fragments masked by default. */
  public static final List<String> DEFAULT_PATTERNS = List.of(
      "password", "passwd", "pwd", "secret", "token", "api_key", "apikey", "private_key", "salt", "hash",
      "email", "phone", "mobile", "ssn", "iban", "card_number", "cvv", "address", "birth");
  static final String MASKED = "[masked]";

  public ColumnMask {
    patterns = patterns.stream().map(p -> p.toLowerCase(Locale.ROOT)).filter(p -> !p.isBlank()).toList();
    allowed = allowed.stream().map(a -> a.toLowerCase(Locale.ROOT)).toList();
  }

  /** The default patterns, nothing allowed. */
  public static ColumnMask defaults() {
    return new ColumnMask(DEFAULT_PATTERNS, List.of());
  }

  /** Whether a column or identifier called {@code name} is sensitive. */
  public boolean sensitive(String name) {
    Objects.requireNonNull(name, "name");
    String lower = name.toLowerCase(Locale.ROOT);
    return !allowed.contains(lower) && patterns.stream().anyMatch(lower::contains);
  }
}
