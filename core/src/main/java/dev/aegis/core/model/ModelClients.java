package dev.aegis.core.model;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;

/**
 * Builds a {@link ModelClient} from a {@code provider/model} string:
 *
 * <ul>
 *   <li>{@code openai/<model>}: Chat Completions; {@code OPENAI_API_KEY} (else {@value #NEUTRAL_KEY_VARIABLE}), base URL from
 *       {@code OPENAI_BASE_URL} (default {@code https://api.openai.com/v1});
 *   <li>{@code openai-responses/<model>}: Responses API; same key and base URL;
 *   <li>{@code anthropic/<model>}: Messages API; {@code ANTHROPIC_API_KEY} (else {@value #NEUTRAL_KEY_VARIABLE}), base URL from
 *       {@code ANTHROPIC_BASE_URL} (default {@code https://api.anthropic.com});
 *   <li>{@code openai-compatible/<model>}: Chat Completions against a required base URL (settings, or
 *       {@code AEGIS_MODEL_BASE_URL}, ending in {@code /v1} as Ollama and vLLM serve it); optional key
 *       {@code AEGIS_MODEL_API_KEY};
 *   <li>{@code scripted/<name-or-path>}: replays a JSON script in process, no network: a bundled script
 *       {@code dev/aegis/core/model/scripts/<name>.json} on the classpath, else a file.
 * </ul>
 *
 * The model part may itself contain slashes ({@code openai-compatible/meta-llama/llama-3.3-70b}).
 */
public final class ModelClients {
  /**
   * The provider-neutral key variable: the key of whichever model the configuration names, when that provider's own
   * variable is unset. Hosts that hand over a key before the model is known (a Jenkins worker reads the model from
   * its checkout) pass it here.
   */
  public static final String NEUTRAL_KEY_VARIABLE = "AEGIS_MODEL_API_KEY";

  /** Every environment variable a model key is read from: the providers' own, then the neutral one. */
  public static final List<String> KEY_VARIABLES = List.of("OPENAI_API_KEY", "ANTHROPIC_API_KEY", NEUTRAL_KEY_VARIABLE);

  private ModelClients() {}

  /**
   * The variables the key of {@code providerModel} is read from, in order: the provider's own, then
   * {@value #NEUTRAL_KEY_VARIABLE}; none for {@code scripted/}. A null, malformed or unknown model gives
   * {@link #KEY_VARIABLES}: any of them may be the one that counts.
   */
  public static List<String> keyVariablesFor(String providerModel) {
    int slash = providerModel == null ? -1 : providerModel.indexOf('/');
    if (slash <= 0) {
      return KEY_VARIABLES;
    }
    return switch (providerModel.substring(0, slash).trim().toLowerCase(Locale.ROOT)) {
      case "openai", "openai-responses" -> List.of("OPENAI_API_KEY", NEUTRAL_KEY_VARIABLE);
      case "anthropic" -> List.of("ANTHROPIC_API_KEY", NEUTRAL_KEY_VARIABLE);
      case "openai-compatible" -> List.of(NEUTRAL_KEY_VARIABLE);
      case "scripted" -> List.of();
      default -> KEY_VARIABLES;
    };
  }

  /**
   * @throws ModelException of kind {@link ModelException.Kind#CONFIG} for an unknown provider, a missing
   *     key or base URL, or an unreadable script; the message names the variable to set
   */
  public static ModelClient create(String providerModel, ModelSettings settings) {
    Objects.requireNonNull(providerModel, "providerModel");
    Objects.requireNonNull(settings, "settings");
    int slash = providerModel.indexOf('/');
    if (slash <= 0 || slash == providerModel.length() - 1) {
      throw ModelException.config("model '" + providerModel
          + "' is not provider/model: use for example openai/gpt-5.5 or anthropic/claude-sonnet-4-6");
    }
    String provider = providerModel.substring(0, slash).toLowerCase(Locale.ROOT);
    String model = providerModel.substring(slash + 1);
    return switch (provider) {
      case "openai" -> new OpenAiChatClient(openAi(providerModel, model, settings), false, settings);
      case "openai-responses" -> new OpenAiResponsesClient(openAi(providerModel, model, settings), settings);
      case "anthropic" -> new AnthropicClient(anthropic(providerModel, model, settings), settings);
      case "openai-compatible" -> new OpenAiChatClient(compatible(providerModel, model, settings), true,
          settings);
      case "scripted" -> ScriptedModelClient.load(providerModel, model, settings.scriptDirectory());
      default -> throw ModelException.config("unknown model provider '" + provider
          + "': use openai, openai-responses, anthropic, openai-compatible or scripted");
    };
  }

  private static Endpoint openAi(String id, String model, ModelSettings settings) {
    String base = first(settings.baseUrl(), settings.environment().get("OPENAI_BASE_URL"),
        "https://api.openai.com/v1");
    return endpoint(id, model, base, settings, "OPENAI_API_KEY");
  }

  private static Endpoint anthropic(String id, String model, ModelSettings settings) {
    String base = first(settings.baseUrl(), settings.environment().get("ANTHROPIC_BASE_URL"),
        "https://api.anthropic.com");
    return endpoint(id, model, base, settings, "ANTHROPIC_API_KEY");
  }

  private static Endpoint compatible(String id, String model, ModelSettings settings) {
    String base = first(settings.baseUrl(), settings.environment().get("AEGIS_MODEL_BASE_URL"), null);
    if (base == null) {
      throw ModelException.config("openai-compatible models need a base URL: set AEGIS_MODEL_BASE_URL "
          + "(for example http://localhost:11434/v1 for Ollama) or model.base-url in the configuration");
    }
    String key = settings.environment().getOrDefault(NEUTRAL_KEY_VARIABLE, "");
    return new Endpoint(id, model, trim(base), NEUTRAL_KEY_VARIABLE, key);
  }

  /** An endpoint keyed by the provider's own variable, else by the neutral one (named in errors as the one used). */
  private static Endpoint endpoint(String id, String model, String base, ModelSettings settings, String keyVariable) {
    for (String name : List.of(keyVariable, NEUTRAL_KEY_VARIABLE)) {
      String key = settings.environment().get(name);
      if (key != null && !key.isBlank()) {
        return new Endpoint(id, model, trim(base), name, key.trim());
      }
    }
    throw ModelException.config(keyVariable + " is not set (nor " + NEUTRAL_KEY_VARIABLE
        + "): add it as a secret of the CI job (or export it)");
  }

  private static String first(String a, String b, String fallback) {
    if (a != null && !a.isBlank()) {
      return a.trim();
    }
    if (b != null && !b.isBlank()) {
      return b.trim();
    }
    return fallback;
  }

  private static String trim(String url) {
    String u = url;
    while (u.endsWith("/")) {
      u = u.substring(0, u.length() - 1);
    }
    return u;
  }

  /** Where a client sends and with which key; the key never leaves the client. */
  record Endpoint(String id, String model, String baseUrl, String keyName, String key) {
    @Override
    public String toString() {
      return "Endpoint[" + id + " at " + baseUrl + "]";
    }
  }

  /** True when {@code scripted/<path>} names an existing file relative to {@code dir}. */
  static boolean isFile(Path dir, String path) {
    Path p = dir == null ? Path.of(path) : dir.resolve(path);
    return Files.isRegularFile(p);
  }
}
