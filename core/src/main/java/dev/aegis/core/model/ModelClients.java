package dev.aegis.core.model;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;

/**
 * Builds a {@link ModelClient} from a {@code provider/model} string:
 *
 * <ul>
 *   <li>{@code openai/<model>}: Chat Completions; {@code OPENAI_API_KEY}, base URL from
 *       {@code OPENAI_BASE_URL} (default {@code https://api.openai.com/v1});
 *   <li>{@code openai-responses/<model>}: Responses API; same key and base URL;
 *   <li>{@code anthropic/<model>}: Messages API; {@code ANTHROPIC_API_KEY}, base URL from
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
  private ModelClients() {}

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
    return new Endpoint(id, model, trim(base), "OPENAI_API_KEY", requireKey(settings, "OPENAI_API_KEY"));
  }

  private static Endpoint anthropic(String id, String model, ModelSettings settings) {
    String base = first(settings.baseUrl(), settings.environment().get("ANTHROPIC_BASE_URL"),
        "https://api.anthropic.com");
    return new Endpoint(id, model, trim(base), "ANTHROPIC_API_KEY", requireKey(settings, "ANTHROPIC_API_KEY"));
  }

  private static Endpoint compatible(String id, String model, ModelSettings settings) {
    String base = first(settings.baseUrl(), settings.environment().get("AEGIS_MODEL_BASE_URL"), null);
    if (base == null) {
      throw ModelException.config("openai-compatible models need a base URL: set AEGIS_MODEL_BASE_URL "
          + "(for example http://localhost:11434/v1 for Ollama) or model.base-url in the configuration");
    }
    String key = settings.environment().getOrDefault("AEGIS_MODEL_API_KEY", "");
    return new Endpoint(id, model, trim(base), "AEGIS_MODEL_API_KEY", key);
  }

  private static String requireKey(ModelSettings settings, String name) {
    String key = settings.environment().get(name);
    if (key == null || key.isBlank()) {
      throw ModelException.config(name + " is not set: add it as a secret of the CI job (or export it)");
    }
    return key.trim();
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
