package dev.aegis.core.host;

import dev.aegis.core.config.AegisConfig;
import dev.aegis.core.config.ConfigException;
import dev.aegis.core.config.ConfigKeys;
import dev.aegis.core.tracker.Phase;
import dev.aegis.core.tracker.linear.LinearConnection;
import dev.aegis.core.tracker.linear.LinearRuntime;
import dev.aegis.core.tracker.linear.LinearSettings;
import dev.aegis.core.tracker.linear.LinearTeam;
import dev.aegis.core.tracker.linear.LinearTracker;
import dev.aegis.core.tracker.linear.PhaseTarget;
import java.net.URI;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * Linear's side of a connection: {@link LinearSettings} from the {@code linear.*} keys and the API key from the
 * environment variable {@code LINEAR_API_KEY} (never a configuration value, so it cannot be committed).
 */
final class LinearConnector {
  /** The environment variable holding Linear's personal API key. */
  static final String API_KEY = "LINEAR_API_KEY";

  private LinearConnector() {}

  /** The endpoint and key; throws {@link ConfigException} when {@code LINEAR_API_KEY} is not set. */
  static LinearConnection connection(AegisConfig config, Map<String, String> env) {
    String key = env.getOrDefault(API_KEY, "");
    if (key.isBlank()) {
      throw ConfigException.missingCredential(API_KEY, "is not set: trackers lists linear, so Aegis "
          + "needs a Linear personal API key (Linear: Settings > Account > Security & access > Personal API keys; "
          + "store it as the secret LINEAR_API_KEY)");
    }
    String url = config.text(ConfigKeys.LINEAR_API_URL).orElseThrow();
    return new LinearConnection(URI.create(url), key.trim());
  }

  /** The tracker settings the {@code linear.*} keys describe. */
  static LinearSettings settings(AegisConfig config, LinearConnection connection) {
    Map<Phase, PhaseTarget> phases = new EnumMap<>(Phase.class);
    for (Phase phase : Phase.values()) {
      if (phase != Phase.NONE) {
        String name = LinearSettings.settingName(phase);
        phases.put(phase, new PhaseTarget(text(config, ConfigKeys.linearState(name)),
            text(config, ConfigKeys.linearLabel(name))));
      }
    }
    String team = config.text(ConfigKeys.LINEAR_TEAM).orElseThrow(() -> new ConfigException(ConfigKeys.LINEAR_TEAM,
        config.sourceOf(ConfigKeys.LINEAR_TEAM).equals("default") ? "configuration" : config.sourceOf(ConfigKeys.LINEAR_TEAM),
        "is not set, and trackers lists linear: run 'aegis linear teams' to see the teams LINEAR_API_KEY can see, "
            + "then set linear.team to one of them (its key, like ENG, or its name)"));
    return new LinearSettings(connection,
        team,
        text(config, ConfigKeys.LINEAR_READY_STATE),
        text(config, ConfigKeys.LINEAR_READY_LABEL),
        text(config, ConfigKeys.LINEAR_BUG_LABEL),
        phases,
        text(config, ConfigKeys.LINEAR_WITHDRAWN_STATE),
        config.list(ConfigKeys.LINEAR_APPROVERS),
        text(config, ConfigKeys.LINEAR_IDENTITY));
  }

  /** Opens the Linear tracker; nothing is sent to Linear until its first call. */
  static LinearTracker tracker(AegisConfig config, Map<String, String> env, LinearRuntime runtime) {
    return LinearTracker.create(settings(config, connection(config, env)), runtime);
  }

  /** The teams {@code LINEAR_API_KEY} can see. */
  static List<LinearTeam> teams(AegisConfig config, Map<String, String> env, LinearRuntime runtime) {
    return LinearTracker.teams(connection(config, env), runtime);
  }

  /** What to check when a scan finds no ready Linear bug. */
  static String noReadyHint(AegisConfig config) {
    String label = config.text(ConfigKeys.LINEAR_READY_LABEL).map(l -> "the label '" + l + "'").orElse("");
    String state = config.text(ConfigKeys.LINEAR_READY_STATE).map(s -> "the state '" + s + "'").orElse("");
    String ready = label.isEmpty() ? state : state.isEmpty() ? label : label + " and " + state;
    return "Check that an open issue of Linear team " + config.text(ConfigKeys.LINEAR_TEAM).orElse("(unset)")
        + " has the label '" + config.text(ConfigKeys.LINEAR_BUG_LABEL).orElse("Bug") + "' and " + ready
        + ", and that LINEAR_API_KEY's user is a member of the team.";
  }

  private static String text(AegisConfig config, String key) {
    return config.text(key).orElse(null);
  }
}
