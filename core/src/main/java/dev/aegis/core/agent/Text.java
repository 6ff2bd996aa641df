package dev.aegis.core.agent;

/** Text helpers for what the model sees. */
final class Text {
  private Text() {}

  /** {@code text} cut to {@code max} characters, keeping the head and the tail (where errors usually are). */
  static String cap(String text, int max) {
    if (text.length() <= max) {
      return text;
    }
    int head = max * 2 / 5;
    int tail = max - head;
    int omitted = text.length() - head - tail;
    return text.substring(0, head) + "\n[... " + omitted + " characters omitted ...]\n"
        + text.substring(text.length() - tail);
  }

  /** The last {@code max} characters. */
  static String tail(String text, int max) {
    return text.length() <= max ? text : "[...]\n" + text.substring(text.length() - max);
  }

  static String sha256(String text) {
    try {
      var digest = java.security.MessageDigest.getInstance("SHA-256");
      return java.util.HexFormat.of().formatHex(digest.digest(text.getBytes(java.nio.charset.StandardCharsets.UTF_8)));
    } catch (java.security.NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
