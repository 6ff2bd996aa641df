package dev.aegis.jenkins;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Which environment variables carry the model API key for a {@code provider/model} name: the provider's
 * usual variable ({@code OPENAI_API_KEY}, {@code ANTHROPIC_API_KEY}...) and always
 * {@code AEGIS_MODEL_API_KEY}.
 */
final class ModelKeyEnvironment {
  private static final Map<String, String> PROVIDER_VARIABLES =
      Map.of(
          "openai", "OPENAI_API_KEY",
          "anthropic", "ANTHROPIC_API_KEY",
          "openrouter", "OPENROUTER_API_KEY",
          "azure", "AZURE_OPENAI_API_KEY",
          "gemini", "GEMINI_API_KEY",
          "google", "GEMINI_API_KEY");

  private ModelKeyEnvironment() {}

  /** The variable names for {@code model} (null or unknown provider: the neutral name only). */
  static List<String> namesFor(String model) {
    List<String> names = new ArrayList<>();
    String value = Text.blankToNull(model);
    if (value != null) {
      int slash = value.indexOf('/');
      String provider = (slash < 0 ? value : value.substring(0, slash)).toLowerCase(Locale.ROOT);
      String name = PROVIDER_VARIABLES.get(provider);
      if (name != null) {
        names.add(name);
      }
    }
    names.add(ConfigKeys.ENV_MODEL_API_KEY);
    return names;
  }

  /** True when the environment already holds a key under any name the core reads. */
  static boolean present(Map<String, String> environment, String model) {
    for (String name : namesFor(model)) {
      if (Text.blankToNull(environment.get(name)) != null) {
        return true;
      }
    }
    for (String name : PROVIDER_VARIABLES.values()) {
      if (model == null && Text.blankToNull(environment.get(name)) != null) {
        return true;
      }
    }
    return false;
  }
}
