package dev.aegis.core.policy;

import java.util.Map;
import java.util.TreeMap;

/**
 * The environment a {@code run_command} gets: the host's, minus every variable that is or holds a secret.
 * Dropped: names {@link Secrets#looksSecret} spots ({@code GITHUB_TOKEN}, {@code GH_TOKEN},
 * {@code ACTIONS_*}, {@code *_API_KEY}, {@code *_TOKEN}, {@code *_SECRET}, {@code AEGIS_*},
 * {@code DATABASE_URL}, URLs with a password), names the run configured as secret, and any variable whose
 * value is a known secret. Kept: the rest ({@code PATH}, {@code HOME}, {@code LANG}, {@code JAVA_HOME}...).
 */
public final class CommandEnvironment {
  private CommandEnvironment() {}

  /** The scrubbed copy of {@code environment}. */
  public static Map<String, String> scrub(Map<String, String> environment, Secrets secrets) {
    Map<String, String> out = new TreeMap<>();
    environment.forEach((name, value) -> {
      boolean secret = secrets.names().contains(name) || Secrets.looksSecret(name, value)
          || (value != null && secrets.values().contains(value.trim()));
      if (!secret && value != null) {
        out.put(name, value);
      }
    });
    return out;
  }
}
