package dev.aegis.core.tracker.linear;

import dev.aegis.core.tracker.Phase;
import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Everything the Linear tracker needs to know about one team. Names (team, states, labels) are what people see in
 * Linear; they are mapped to ids once per tracker instance and a name that does not exist fails with a {@link
 * LinearConfigException} naming the setting and listing what exists.
 *
 * @param connection endpoint and API key
 * @param team team key ({@code ENG}) or name ({@code Engineering})
 * @param readyState workflow state that marks an issue ready, or null
 * @param readyLabel label that marks an issue ready, or null; when both are set an issue needs both
 * @param bugLabel label that marks an issue as a bug (Linear has no issue types), never blank
 * @param phases where each phase puts an issue; phases left out get the label {@link Phase#label()}
 *     ({@code aegis:in-progress}...)
 * @param withdrawState state an issue leaves the ready state for when the ready signal is withdrawn, or null for
 *     the team's first backlog state
 * @param approvers Linear emails or user ids allowed to command Aegis (Linear has no repository permissions)
 * @param identity email or user id the API key must belong to, or null to accept whoever the key is
 */
public record LinearSettings(
    LinearConnection connection,
    String team,
    String readyState,
    String readyLabel,
    String bugLabel,
    Map<Phase, PhaseTarget> phases,
    String withdrawState,
    List<String> approvers,
    String identity) {

  public LinearSettings {
    Objects.requireNonNull(connection, "connection");
    team = required(team, "linear.team");
    readyState = PhaseTarget.blankToNull(readyState);
    readyLabel = PhaseTarget.blankToNull(readyLabel);
    if (readyState == null && readyLabel == null) {
      throw new IllegalArgumentException("set linear.ready-state, linear.ready-label, or both");
    }
    bugLabel = required(bugLabel, "linear.bug-label");
    phases = withDefaults(Objects.requireNonNull(phases, "phases"));
    withdrawState = PhaseTarget.blankToNull(withdrawState);
    approvers = Objects.requireNonNull(approvers, "approvers").stream().map(String::trim).filter(a -> !a.isEmpty()).toList();
    identity = PhaseTarget.blankToNull(identity);
  }

  /** Ready label {@code ready to implement}, bug label {@code Bug}, {@code aegis:*} phase labels, no approvers. */
  public static LinearSettings of(LinearConnection connection, String team) {
    return new LinearSettings(
        connection, team, null, "ready to implement", "Bug", Map.of(), null, List.of(), null);
  }

  public LinearSettings withReady(String state, String label) {
    return new LinearSettings(connection, team, state, label, bugLabel, phases, withdrawState, approvers, identity);
  }

  public LinearSettings withBugLabel(String label) {
    return new LinearSettings(connection, team, readyState, readyLabel, label, phases, withdrawState, approvers,
        identity);
  }

  public LinearSettings withPhase(Phase phase, PhaseTarget target) {
    Map<Phase, PhaseTarget> changed = new EnumMap<>(phases);
    changed.put(phase, target);
    return new LinearSettings(connection, team, readyState, readyLabel, bugLabel, changed, withdrawState, approvers,
        identity);
  }

  public LinearSettings withWithdrawState(String state) {
    return new LinearSettings(connection, team, readyState, readyLabel, bugLabel, phases, state, approvers,
        identity);
  }

  public LinearSettings withApprovers(List<String> people) {
    return new LinearSettings(connection, team, readyState, readyLabel, bugLabel, phases, withdrawState, people,
        identity);
  }

  public LinearSettings withIdentity(String expected) {
    return new LinearSettings(connection, team, readyState, readyLabel, bugLabel, phases, withdrawState, approvers,
        expected);
  }

  /** Where {@code phase} puts an issue; throws for {@link Phase#NONE}, which has no target. */
  public PhaseTarget target(Phase phase) {
    PhaseTarget target = phases.get(phase);
    if (target == null) {
      throw new IllegalArgumentException("no Linear target for phase " + phase);
    }
    return target;
  }

  /** The configuration key part of a phase: {@code in-progress}, {@code in-review} (PR opened)... */
  public static String settingName(Phase phase) {
    return switch (phase) {
      case NEEDS_INFO -> "needs-info";
      case IN_PROGRESS -> "in-progress";
      case AWAITING_APPROVAL -> "awaiting-approval";
      case PR_OPENED -> "in-review";
      case BLOCKED -> "blocked";
      case NONE -> "none";
    };
  }

  private static Map<Phase, PhaseTarget> withDefaults(Map<Phase, PhaseTarget> given) {
    Map<Phase, PhaseTarget> all = new EnumMap<>(Phase.class);
    for (Phase phase : Phase.values()) {
      if (phase != Phase.NONE) {
        all.put(phase, given.getOrDefault(phase, PhaseTarget.label(phase.label())));
      }
    }
    return Collections.unmodifiableMap(all);
  }

  private static String required(String value, String setting) {
    String trimmed = PhaseTarget.blankToNull(value);
    if (trimmed == null) {
      throw new IllegalArgumentException(setting + " must be set");
    }
    return trimmed;
  }

  @Override
  public String toString() {
    return "LinearSettings[team=" + team + ", readyState=" + readyState + ", readyLabel=" + readyLabel
        + ", bugLabel=" + bugLabel + ", phases=" + phases + ", approvers=" + approvers.size() + "]";
  }
}
