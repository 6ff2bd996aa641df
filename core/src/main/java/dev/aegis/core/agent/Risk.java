package dev.aegis.core.agent;

import java.util.Locale;
import java.util.Optional;

/** How risky the proposed fix is. */
public enum Risk {
  LOW, MEDIUM, HIGH;

  /** Parses {@code low}, {@code Medium}, ...; empty otherwise. */
  public static Optional<Risk> parse(String text) {
    if (text == null) {
      return Optional.empty();
    }
    try {
      return Optional.of(valueOf(text.trim().toUpperCase(Locale.ROOT)));
    } catch (IllegalArgumentException e) {
      return Optional.empty();
    }
  }

  public String label() {
    return name().toLowerCase(Locale.ROOT);
  }
}
