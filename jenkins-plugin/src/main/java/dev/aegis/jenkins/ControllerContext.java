package dev.aegis.jenkins;

import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * What core calls on the controller (the scan, webhook events) get: configuration overrides from the global
 * configuration's fields (including {@code max-concurrent-runs}), the Aegis configuration (YAML) to place as the
 * scratch directory's {@code .aegis/config.yml}, and an environment holding only the configured token, model key
 * and Linear API key. The controller's own process environment is never handed over.
 *
 * @param overrides configuration overrides by core config key
 * @param environment GITHUB_TOKEN, the model key variables and LINEAR_API_KEY, when configured
 * @param secrets values to mask in the controller's logs
 * @param configYaml the controller's {@code .aegis/config.yml} content, or null for none
 */
public record ControllerContext(
    Map<String, String> overrides, Map<String, String> environment, List<String> secrets, String configYaml) {

  public ControllerContext {
    overrides = Map.copyOf(overrides);
    environment = Map.copyOf(environment);
    secrets = List.copyOf(secrets);
    configYaml = ConfigYaml.blankToNull(configYaml);
  }

  /**
   * @throws IllegalArgumentException when a configured credentials id does not resolve
   */
  public static ControllerContext of(AegisSettings settings, SecretLookup lookup) {
    Objects.requireNonNull(settings, "settings");
    Map<String, String> overrides = new HashMap<>();
    if (settings.repository() != null) {
      overrides.put(ConfigKeys.GITHUB_REPOSITORY, settings.repository());
    }
    if (settings.apiUrl() != null) {
      overrides.put(ConfigKeys.GITHUB_API_URL, settings.apiUrl());
    }
    if (settings.model() != null) {
      overrides.put(ConfigKeys.MODEL, settings.model());
    }
    CoreCallPlanner.putGlobalOverrides(overrides, settings);

    Map<String, String> environment = new HashMap<>();
    Set<String> secrets = new LinkedHashSet<>();
    if (settings.credentialsId() != null) {
      String token = resolve(lookup, settings.credentialsId(), "GitHub token");
      environment.put(ConfigKeys.ENV_GITHUB_TOKEN, token);
      secrets.add(token);
    }
    if (settings.modelCredentialsId() != null) {
      String key = resolve(lookup, settings.modelCredentialsId(), "model API key");
      ModelKeyEnvironment.put(environment, key);
      secrets.add(key);
    }
    if (settings.linearCredentialsId() != null) {
      String key = resolve(lookup, settings.linearCredentialsId(), "Linear API key");
      environment.put(ConfigKeys.ENV_LINEAR_API_KEY, key);
      secrets.add(key);
    }
    return new ControllerContext(overrides, environment, List.copyOf(secrets), settings.configYaml());
  }

  private static String resolve(SecretLookup lookup, String id, String what) {
    return lookup
        .secretText(id)
        .filter(value -> !value.isBlank())
        .orElseThrow(
            () ->
                new IllegalArgumentException(
                    "no global 'Secret text' credentials with id '" + id + "' (" + what + ")"));
  }
}
