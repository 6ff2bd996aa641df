package dev.aegis.core.model;

import java.nio.file.Path;
import java.util.Map;
import java.util.Objects;
import java.util.random.RandomGenerator;
import okhttp3.OkHttpClient;

/**
 * Everything a client needs besides {@code provider/model}; hosts pass their world in here, nothing is
 * read from the process.
 *
 * @param environment the host's environment: keys ({@code OPENAI_API_KEY}, {@code ANTHROPIC_API_KEY},
 *     {@code AEGIS_MODEL_API_KEY}) and base URLs ({@code OPENAI_BASE_URL}, {@code ANTHROPIC_BASE_URL},
 *     {@code AEGIS_MODEL_BASE_URL})
 * @param baseUrl a base URL that wins over the environment (from configuration), may be null
 * @param http the HTTP client to use, may be null for a default one
 * @param retry how to retry
 * @param sleeper how to wait between retries
 * @param random the jitter source
 * @param scriptDirectory where relative {@code scripted/<path>} scripts are looked up, may be null
 */
public record ModelSettings(
    Map<String, String> environment,
    String baseUrl,
    OkHttpClient http,
    RetryPolicy retry,
    Sleeper sleeper,
    RandomGenerator random,
    Path scriptDirectory) {

  public ModelSettings {
    environment = Map.copyOf(environment);
    Objects.requireNonNull(retry, "retry");
    Objects.requireNonNull(sleeper, "sleeper");
    Objects.requireNonNull(random, "random");
  }

  /** Defaults around the given environment: default HTTP client, default retries, real sleeping. */
  public static ModelSettings of(Map<String, String> environment) {
    return new ModelSettings(
        environment, null, null, RetryPolicy.defaults(), Sleeper.SYSTEM, new java.util.Random(), null);
  }

  public ModelSettings withBaseUrl(String url) {
    return new ModelSettings(environment, url, http, retry, sleeper, random, scriptDirectory);
  }

  public ModelSettings withHttp(OkHttpClient client) {
    return new ModelSettings(environment, baseUrl, client, retry, sleeper, random, scriptDirectory);
  }

  public ModelSettings withRetry(RetryPolicy policy, Sleeper waits) {
    return new ModelSettings(environment, baseUrl, http, policy, waits, random, scriptDirectory);
  }

  public ModelSettings withScriptDirectory(Path dir) {
    return new ModelSettings(environment, baseUrl, http, retry, sleeper, random, dir);
  }
}
