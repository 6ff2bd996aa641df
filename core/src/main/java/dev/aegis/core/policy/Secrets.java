package dev.aegis.core.policy;

import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The secrets of a run: the values to redact and the environment names to keep from commands.
 *
 * @param values secret values; everything leaving the engine is redacted of them
 * @param names environment variable names that are secret on top of the ones {@link #looksSecret} spots
 */
public record Secrets(Set<String> values, Set<String> names) {
  private static final Pattern CREDENTIAL_NAME = Pattern.compile(
      ".*(TOKEN|SECRET|PASSWORD|PASSWD|PASSPHRASE|API_?KEY|PRIVATE_?KEY|ACCESS_?KEY|SIGNING_?KEY|CREDENTIAL"
          + "|COOKIE|WEBHOOK|HOOK_?URL).*|(.*_)?AUTH(_.*)?|DATABASE_URL|.*_DSN|.+_(PWD|PASS|KEY)|.*_KEY_.*");
  private static final Pattern RUNTIME_NAME = Pattern.compile("ACTIONS_.*|AEGIS_.*|GH_.*|GITHUB_TOKEN");
  /** Values found by name alone must be at least this long to be redacted (flags like "true" are not). */
  private static final int MIN_FOUND_LENGTH = 8;
  private static final Pattern URL_WITH_PASSWORD = Pattern.compile(".*://[^/\\s:@]+:[^/\\s@]+@.*");

  public Secrets {
    values = Set.copyOf(values);
    names = Set.copyOf(names);
  }

  public static Secrets none() {
    return new Secrets(Set.of(), Set.of());
  }

  /**
   * The secrets found in {@code environment}: the values of every variable {@code extraNames} lists, the
   * values (8 characters or more) of variables that {@link #isCredential} spots, plus {@code extraValues}.
   */
  public static Secrets fromEnvironment(
      Map<String, String> environment, Collection<String> extraNames, Collection<String> extraValues) {
    Set<String> names = new LinkedHashSet<>(extraNames);
    Set<String> values = new LinkedHashSet<>();
    environment.forEach((name, value) -> {
      if (value == null) {
        return;
      }
      int length = value.trim().length();
      if ((names.contains(name) && length >= Redactor.MIN_LENGTH)
          || (isCredential(name, value) && length >= MIN_FOUND_LENGTH)) {
        values.add(value.trim());
      }
    });
    extraValues.stream().filter(v -> v != null && v.trim().length() >= Redactor.MIN_LENGTH)
        .forEach(v -> values.add(v.trim()));
    return new Secrets(values, names);
  }

  /**
   * True for variables a command must not see: credentials ({@link #isCredential}) and CI or Aegis runtime
   * variables ({@code ACTIONS_*}, {@code AEGIS_*}, {@code GH_*}, {@code GITHUB_TOKEN}).
   */
  public static boolean looksSecret(String name, String value) {
    return isCredential(name, value) || RUNTIME_NAME.matcher(name.toUpperCase(Locale.ROOT)).matches();
  }

  /**
   * True for names like {@code *_TOKEN}, {@code *_API_KEY}, {@code *_SECRET}, {@code *PASSWORD*},
   * {@code DATABASE_URL}, or a value that is a URL with a password.
   */
  public static boolean isCredential(String name, String value) {
    return CREDENTIAL_NAME.matcher(name.toUpperCase(Locale.ROOT)).matches()
        || (value != null && URL_WITH_PASSWORD.matcher(value).matches());
  }

  /** A redactor for {@link #values()}. */
  public Redactor redactor() {
    return Redactor.of(values);
  }
}
