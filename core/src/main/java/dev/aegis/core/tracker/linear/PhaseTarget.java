package dev.aegis.core.tracker.linear;

/**
 * Where an issue goes on Linear when Aegis moves it to a {@link dev.aegis.core.tracker.Phase}: a workflow state,
 * a label, or both. Blank names count as absent.
 *
 * @param state workflow state name, or null to leave the state alone
 * @param label label name, or null for no label; the label is how Aegis finds its issues again, so keep one
 *     unless the state is used by Aegis alone
 */
public record PhaseTarget(String state, String label) {
  public PhaseTarget {
    state = blankToNull(state);
    label = blankToNull(label);
    if (state == null && label == null) {
      throw new IllegalArgumentException("a Linear phase needs a workflow state, a label, or both");
    }
  }

  public static PhaseTarget state(String state) {
    return new PhaseTarget(state, null);
  }

  public static PhaseTarget label(String label) {
    return new PhaseTarget(null, label);
  }

  static String blankToNull(String text) {
    return text == null || text.isBlank() ? null : text.trim();
  }
}
