package dev.aegis.jenkins;

import java.util.List;
import java.util.Optional;

/**
 * Which trackers the core scans, as the global configuration decides it. The form has no "trackers" field: a
 * Linear team adds {@code linear}, and the GitHub repository keeps {@code github} beside it. A {@code trackers}
 * key in the Aegis configuration (YAML) wins over that, so a team that tracks bugs only in Linear writes
 * {@code trackers: [linear]} (GitHub still hosts the code). Controller and workers get the same list, so a worker
 * always knows the tracker of the issue it is handed.
 */
final class Trackers {
  static final String GITHUB = "github";
  static final String LINEAR = "linear";

  private Trackers() {}

  /**
   * The {@code trackers} the form's fields imply, when they imply anything: empty without a Linear team (the
   * core's default, {@code github}, or a repository's own file decides) or when the YAML sets {@code trackers}.
   */
  static Optional<String> fromForm(AegisSettings settings) {
    return fromForm(settings.repository(), settings.linearTeam(), settings.configYaml());
  }

  /** {@link #fromForm(AegisSettings)} from the three values it depends on (null when unset). */
  static Optional<String> fromForm(String repository, String linearTeam, String configYaml) {
    if (linearTeam == null || ConfigYaml.trackers(configYaml).isPresent()) {
      return Optional.empty();
    }
    return Optional.of(repository == null ? LINEAR : GITHUB + "," + LINEAR);
  }

  /** The {@code trackers} every call should get: the YAML's when it sets them, else {@link #fromForm}. */
  static Optional<String> forEveryCall(AegisSettings settings) {
    Optional<List<String>> fromYaml = ConfigYaml.trackers(settings.configYaml());
    return fromYaml.isPresent() ? fromYaml.map(list -> String.join(",", list)) : fromForm(settings);
  }

  /** True when the controller's calls include Linear (so a Linear webhook delivery is worth a core call). */
  static boolean includesLinear(AegisSettings settings) {
    return forEveryCall(settings).map(list -> List.of(list.split(",")).contains(LINEAR)).orElse(false);
  }
}
