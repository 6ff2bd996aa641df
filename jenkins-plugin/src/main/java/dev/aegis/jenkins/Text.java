package dev.aegis.jenkins;

/** Small string helpers shared by the plugin's value classes. */
final class Text {
  private Text() {}

  /** Trimmed text, or null when null or blank. */
  static String blankToNull(String text) {
    if (text == null || text.isBlank()) {
      return null;
    }
    return text.trim();
  }

  /** The first argument that is not blank, trimmed; null when all are blank. */
  static String firstNonBlank(String... candidates) {
    for (String candidate : candidates) {
      String value = blankToNull(candidate);
      if (value != null) {
        return value;
      }
    }
    return null;
  }
}
