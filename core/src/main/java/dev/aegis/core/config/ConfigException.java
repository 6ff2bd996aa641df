package dev.aegis.core.config;

import java.util.Objects;

/**
 * Configuration is missing or invalid. The message names the key and where the bad value came from (the
 * file path, the environment variable, or the host input), and says what would be accepted.
 */
public final class ConfigException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  private final String key;
  private final String source;

  public ConfigException(String key, String source, String problem) {
    super(source + ": " + (key.isEmpty() ? "" : "'" + key + "' ") + problem);
    this.key = Objects.requireNonNull(key, "key");
    this.source = Objects.requireNonNull(source, "source");
  }

  /** The configuration key at fault, or empty when the whole source is at fault (unreadable file). */
  public String key() {
    return key;
  }

  /** Where the value came from: a file path, {@code environment variable AEGIS_X}, or a host input. */
  public String source() {
    return source;
  }
}
