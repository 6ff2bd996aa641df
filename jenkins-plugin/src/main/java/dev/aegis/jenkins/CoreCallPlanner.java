package dev.aegis.jenkins;

import dev.aegis.core.policy.Secrets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;

/**
 * Decides what the core gets for one step call: which token and model key (step parameter, then the build
 * environment such as a {@code withCredentials} block, then the global configuration), which Linear API key (the
 * build environment, then the global configuration), which configuration overrides, and which values to mask.
 */
public final class CoreCallPlanner {
  /** The variable the core reads {@code github.login} from. */
  private static final String LOGIN_VARIABLE =
      dev.aegis.core.config.ConfigKeys.find(ConfigKeys.GITHUB_LOGIN).orElseThrow().environmentVariable();

  private final SecretLookup secrets;

  public CoreCallPlanner(SecretLookup secrets) {
    this.secrets = secrets;
  }

  /**
   * Plans one call.
   *
   * @param step the validated step parameters
   * @param settings the global configuration ({@link AegisSettings#NONE} when unset)
   * @param buildEnvironment the build's environment ({@code EnvVars})
   * @param recordsDir where the core writes this call's transcripts and audit logs (on the machine that holds
   *     the workspace), or null to leave {@code AEGIS_RECORDS_DIR} as the environment has it
   * @throws IllegalArgumentException when a credentials id to use does not resolve
   */
  public CoreCall plan(
      StepParameters step, AegisSettings settings, Map<String, String> buildEnvironment, String recordsDir) {
    Map<String, String> environment = new HashMap<>();
    buildEnvironment.forEach(
        (name, value) -> {
          if (name != null && value != null) {
            environment.put(name, value);
          }
        });
    // which variables hold credentials is the core's rule; every such value is masked here, however short
    Set<String> masks = new LinkedHashSet<>();
    environment.forEach(
        (name, value) -> {
          if (Secrets.isCredential(name, value)) {
            masks.add(value);
          }
        });

    String model = Text.firstNonBlank(step.model(), settings.model());
    String tokenId = credentialsToUse(step.credentialsId(), settings.credentialsId(), hasToken(environment));
    if (tokenId != null) {
      String token = resolve(tokenId, "GitHub token");
      environment.put(ConfigKeys.ENV_GITHUB_TOKEN, token);
      masks.add(token);
    }
    String keyId =
        credentialsToUse(
            step.modelCredentialsId(),
            settings.modelCredentialsId(),
            ModelKeyEnvironment.present(environment, model));
    if (keyId != null) {
      String key = resolve(keyId, "model API key");
      ModelKeyEnvironment.put(environment, key);
      masks.add(key);
    }
    if (settings.linearCredentialsId() != null && !hasLinearKey(environment)) {
      // a key in the build environment (withCredentials ... variable: 'LINEAR_API_KEY') wins, as for the token
      String key = resolve(settings.linearCredentialsId(), "Linear API key");
      environment.put(ConfigKeys.ENV_LINEAR_API_KEY, key);
      masks.add(key);
    }

    Map<String, String> overrides = new HashMap<>();
    String repository =
        Text.firstNonBlank(
            step.repository(),
            environment.containsKey(ConfigKeys.ENV_GITHUB_REPOSITORY) ? null : settings.repository());
    putIfSet(overrides, ConfigKeys.GITHUB_REPOSITORY, repository);
    String apiUrl =
        Text.firstNonBlank(
            step.apiUrl(), environment.containsKey(ConfigKeys.ENV_GITHUB_API_URL) ? null : settings.apiUrl());
    putIfSet(overrides, ConfigKeys.GITHUB_API_URL, apiUrl);
    putIfSet(overrides, ConfigKeys.MODEL, model);
    putGlobalOverrides(overrides, settings);
    // the controller's tracker list, also when its YAML sets it, so the worker knows the tracker of its issue
    Trackers.forEveryCall(settings).ifPresent(trackers -> overrides.put(ConfigKeys.TRACKERS, trackers));
    if (environment.containsKey(LOGIN_VARIABLE)) {
      // a login set for this build (next to a token from withCredentials) beats the global one
      overrides.remove(ConfigKeys.GITHUB_LOGIN);
    }
    if (recordsDir != null) {
      environment.put(ConfigKeys.ENV_RECORDS_DIR, recordsDir);
    }

    masks.removeIf(value -> value == null || value.isBlank());
    return new CoreCall(
        step.command(),
        step.issue(),
        step.runId(),
        step.dryRun(),
        step.prompt(),
        overrides,
        environment,
        new ArrayList<>(masks));
  }

  /**
   * Overrides that only the global configuration sets (login, Linear team and the trackers it implies, labels,
   * mode, concurrency). The concurrency goes to every call once Aegis is configured in Jenkins, so 0 pauses the
   * steps too. The trackers are the form's ({@link Trackers#fromForm}): a {@code trackers} in the controller's
   * YAML is read from its file on the controller and added for workers by {@link #plan}.
   */
  static void putGlobalOverrides(Map<String, String> overrides, AegisSettings settings) {
    putIfSet(overrides, ConfigKeys.GITHUB_LOGIN, settings.githubLogin());
    putIfSet(overrides, ConfigKeys.LINEAR_TEAM, settings.linearTeam());
    Trackers.fromForm(settings).ifPresent(trackers -> overrides.put(ConfigKeys.TRACKERS, trackers));
    putIfSet(overrides, ConfigKeys.READY_LABEL, settings.readyLabel());
    putIfSet(overrides, ConfigKeys.BUG_LABEL, settings.bugLabel());
    putIfSet(overrides, ConfigKeys.MODE, settings.mode());
    if (!settings.equals(AegisSettings.NONE)) {
      overrides.put(ConfigKeys.MAX_CONCURRENT_RUNS, Integer.toString(settings.maxConcurrentRuns()));
    }
  }

  private static boolean hasToken(Map<String, String> environment) {
    return Text.blankToNull(environment.get(ConfigKeys.ENV_GITHUB_TOKEN)) != null;
  }

  private static boolean hasLinearKey(Map<String, String> environment) {
    return Text.blankToNull(environment.get(ConfigKeys.ENV_LINEAR_API_KEY)) != null;
  }

  /** Step parameter first; then the environment (null: use it as is); then the global configuration. */
  private static String credentialsToUse(String fromStep, String fromSettings, boolean inEnvironment) {
    if (fromStep != null) {
      return fromStep;
    }
    return inEnvironment ? null : fromSettings;
  }

  private String resolve(String credentialsId, String what) {
    return secrets
        .secretText(credentialsId)
        .filter(value -> !value.isBlank())
        .orElseThrow(
            () ->
                new IllegalArgumentException(
                    "aegis: no 'Secret text' credentials with id '"
                        + credentialsId
                        + "' ("
                        + what
                        + ") is visible to this build; add it under Manage Jenkins > Credentials or fix the id"));
  }

  private static void putIfSet(Map<String, String> map, String key, String value) {
    if (value != null) {
      map.put(key, value);
    }
  }
}
