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
  private final boolean missingCredential;

  public ConfigException(String key, String source, String problem) {
    this(key, source, problem, false);
  }

  private ConfigException(String key, String source, String problem, boolean missingCredential) {
    super(source + ": " + (key.isEmpty() ? "" : "'" + key + "' ") + problem);
    this.key = Objects.requireNonNull(key, "key");
    this.source = Objects.requireNonNull(source, "source");
    this.missingCredential = missingCredential;
  }

  /**
   * A token or key the command needs is not set ({@code GITHUB_TOKEN}, {@code LINEAR_API_KEY}). Still a
   * configuration failure (exit 3 in every command; a refused token is 4), but callers may explain what the
   * token needs for their own task (for example {@code aegis pause}: the Variables permission).
   *
   * @param variable the environment variable that should hold it
   * @param problem what is missing and how to provide it
   */
  public static ConfigException missingCredential(String variable, String problem) {
    return new ConfigException("", "environment variable " + variable, problem, true);
  }

  /** True when a token or key is missing (see {@link #missingCredential(String, String)}). */
  public boolean missingCredential() {
    return missingCredential;
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
