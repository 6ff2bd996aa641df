package dev.aegis.core.ops;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Duration;
import java.util.Optional;

/** Small renderings shared by the maintainer commands. */
final class Texts {
  private Texts() {}

  /** {@code just now}, {@code 7 min ago}, {@code 3 h ago}, {@code 2 d ago}; a time in the future reads as now. */
  static String age(Duration since) {
    long minutes = since.toMinutes();
    if (minutes < 1) {
      return "just now";
    }
    if (minutes < 120) {
      return minutes + " min ago";
    }
    long hours = since.toHours();
    return hours < 48 ? hours + " h ago" : since.toDays() + " d ago";
  }

  /**
   * A run's spend as its state block keeps it (a decimal number of dollars, or {@code unknown} when a model was
   * missing from the price table): {@code $0.0312}, {@code cost unknown}, or empty when the run has none yet.
   */
  static Optional<String> cost(Optional<String> fact) {
    if (fact.isEmpty() || fact.get().isBlank()) {
      return Optional.empty();
    }
    try {
      return Optional.of("$" + new BigDecimal(fact.get().trim()).setScale(4, RoundingMode.HALF_UP).toPlainString());
    } catch (NumberFormatException e) {
      return Optional.of("cost unknown");
    }
  }

  /** {@code 'bug'}: a name quoted for a sentence. */
  static String quoted(String name) {
    return "'" + name + "'";
  }
}
