package dev.aegis.core.tracker;

/**
 * Where an issue stands for Aegis. On GitHub each phase but {@link #NONE} is one {@code aegis:*} label; on
 * Linear a phase maps to a configured workflow state or label.
 */
public enum Phase {
  NONE(null),
  NEEDS_INFO("aegis:needs-info"),
  IN_PROGRESS("aegis:in-progress"),
  AWAITING_APPROVAL("aegis:awaiting-approval"),
  PR_OPENED("aegis:pr-opened"),
  BLOCKED("aegis:blocked");

  private final String label;

  Phase(String label) {
    this.label = label;
  }

  /** The GitHub label for this phase; null for {@link #NONE}. */
  public String label() {
    return label;
  }
}
