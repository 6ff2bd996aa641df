package dev.aegis.core.host;

import dev.aegis.core.config.AegisConfig;
import dev.aegis.core.config.ConfigKeys;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Which environment variables hold secrets. Their values are masked in host logs from the first line on and
 * never reach comments, PR bodies, commands or the model.
 */
public final class Secrets {
  /** Variables that are secrets whatever the configuration says. */
  public static final List<String> KNOWN = List.of(
      "GITHUB_TOKEN", "GH_TOKEN", "AEGIS_GITHUB_TOKEN", "OPENAI_API_KEY", "ANTHROPIC_API_KEY",
      "AEGIS_MODEL_API_KEY", "LINEAR_API_KEY", "AEGIS_LINEAR_API_KEY", "ACTIONS_RUNTIME_TOKEN",
      "ACTIONS_ID_TOKEN_REQUEST_TOKEN", "TELEGRAM_BOT_TOKEN", "DATABASE_URL", "AEGIS_WEBHOOK_SECRET");

  private Secrets() {}

  /** True for a variable name that, by its name alone, holds a secret. */
  public static boolean secretName(String name) {
    String n = name.toUpperCase(Locale.ROOT);
    return KNOWN.contains(n) || n.endsWith("_TOKEN") || n.endsWith("_API_KEY") || n.endsWith("_SECRET")
        || n.endsWith("_PASSWORD") || n.startsWith("ACTIONS_") && n.contains("TOKEN");
  }

  /** The values of every secret variable present in {@code environment} (plus configured names). */
  public static Set<String> values(Map<String, String> environment, AegisConfig config) {
    Set<String> out = new LinkedHashSet<>();
    List<String> extra = config == null ? List.of() : config.list(ConfigKeys.SECRET_ENV);
    environment.forEach((name, value) -> {
      if (value != null && value.length() >= 4 && (secretName(name) || extra.contains(name))) {
        out.add(value);
      }
    });
    return out;
  }
}
