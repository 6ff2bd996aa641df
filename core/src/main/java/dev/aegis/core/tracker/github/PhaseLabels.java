package dev.aegis.core.tracker.github;

import dev.aegis.core.tracker.Phase;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;

/**
 * The {@code aegis:*} labels that show an issue's {@link Phase} on GitHub: their colours and descriptions, and
 * the label arithmetic of a phase change. Only phase labels are touched; every other label stays.
 */
final class PhaseLabels {
  /** Colour and description of each phase label, as created on a repository that lacks it. */
  static final Map<Phase, Look> LOOKS = Map.of(
      Phase.NEEDS_INFO, new Look("d876e3", "Aegis needs more context before it can work on this"),
      Phase.IN_PROGRESS, new Look("1d76db", "Aegis is working on this"),
      Phase.AWAITING_APPROVAL, new Look("fbca04", "Aegis posted a root-cause analysis; waiting for /aegis proceed"),
      Phase.PR_OPENED, new Look("0e8a16", "Aegis opened a pull request for this"),
      Phase.BLOCKED, new Look("b60205", "Aegis could not finish; see its last comment"));

  private PhaseLabels() {}

  /**
   * What to change so that an issue labelled {@code current} is in {@code target}: the label to add (null
   * when already there, or for {@link Phase#NONE}) and the other phase labels to remove.
   */
  static Change change(Collection<String> current, Phase target) {
    String add = target.label();
    boolean present = add != null && current.stream().anyMatch(add::equalsIgnoreCase);
    List<String> remove = new ArrayList<>();
    for (String label : current) {
      if (isPhaseLabel(label) && !label.equalsIgnoreCase(add)) {
        remove.add(label);
      }
    }
    return new Change(present ? null : add, remove);
  }

  static boolean isPhaseLabel(String label) {
    for (Phase phase : Phase.values()) {
      if (phase.label() != null && phase.label().equalsIgnoreCase(label)) {
        return true;
      }
    }
    return false;
  }

  record Look(String color, String description) {}

  record Change(String add, List<String> remove) {
    Change {
      remove = List.copyOf(remove);
    }

    boolean isEmpty() {
      return add == null && remove.isEmpty();
    }
  }
}
