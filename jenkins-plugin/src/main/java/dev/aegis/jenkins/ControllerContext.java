package dev.aegis.jenkins;

import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * What core calls on the controller (the scan, webhook events) get: configuration overrides from the global
 * configuration (including {@code max-concurrent-runs}) and an environment holding only the configured
 * token and model key. The controller's own process environment is never handed over.
 *
 * @param overrides configuration overrides by core config key
 * @param environment GITHUB_TOKEN and the model key variables, when configured
 * @param secrets values to mask in the controller's logs
 */
public record ControllerContext(
    Map<String, String> overrides, Map<String, String> environment, List<String> secrets) {

  public ControllerContext {
    overrides = Map.copyOf(overrides);
    environment = Map.copyOf(environment);
    secrets = List.copyOf(secrets);
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
      ModelKeyEnvironment.namesFor(settings.model()).forEach(name -> environment.put(name, key));
      secrets.add(key);
    }
    return new ControllerContext(overrides, environment, List.copyOf(secrets));
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
