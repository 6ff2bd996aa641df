package dev.aegis.core.run;

import dev.aegis.core.tracker.IssueKey;
import dev.aegis.core.tracker.Phase;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * The machine-readable state of one run, kept in a hidden block of the run's status comment on the tracker
 * (there is no database). Every transition writes a new copy.
 *
 * @param runId the run id
 * @param issue the issue the run works on
 * @param phase where the run stands
 * @param branch the run's branch
 * @param base the branch the fix targets
 * @param claim the claim commit that won the branch ref
 * @param updatedAt when the state last changed (stale recovery reads this)
 * @param handled ids of command comments already acted on (a redelivered command changes nothing)
 * @param facts further named facts (PR URL, approver, plan digest, cost), never secrets
 */
public record RunState(
    String runId,
    IssueKey issue,
    Phase phase,
    String branch,
    String base,
    String claim,
    Instant updatedAt,
    List<String> handled,
    Map<String, String> facts) {

  /** The fact naming the step a run is at within its phase: planning, implementing, blocked, stopped... */
  public static final String STAGE = "stage";
  /**
   * The fact set when a job stopped because GitHub (or Linear) failed for good: what failed. A run that carries
   * it is not running, so the next job resumes it at once instead of waiting for the claim grace period.
   */
  public static final String INTERRUPTED = "interrupted";

  public RunState {
    Objects.requireNonNull(runId, "runId");
    Objects.requireNonNull(issue, "issue");
    Objects.requireNonNull(phase, "phase");
    Objects.requireNonNull(branch, "branch");
    Objects.requireNonNull(base, "base");
    claim = Objects.requireNonNullElse(claim, "");
    Objects.requireNonNull(updatedAt, "updatedAt");
    handled = List.copyOf(handled);
    facts = Map.copyOf(facts);
  }

  /** A run that was just claimed. */
  public static RunState claimed(String runId, IssueKey issue, String branch, String base, String claim, Instant now) {
    return new RunState(runId, issue, Phase.IN_PROGRESS, branch, base, claim, now, List.of(), Map.of());
  }

  /** This state moved to another phase at {@code now}. */
  public RunState withPhase(Phase next, Instant now) {
    return new RunState(runId, issue, next, branch, base, claim, now, handled, facts);
  }

  /** This state with a command comment recorded as handled. */
  public RunState withHandled(String commentId, Instant now) {
    List<String> more = new ArrayList<>(handled);
    if (!more.contains(commentId)) {
      more.add(commentId);
    }
    return new RunState(runId, issue, phase, branch, base, claim, now, more, facts);
  }

  /** This state with one fact set. */
  public RunState withFact(String name, String value, Instant now) {
    Map<String, String> more = new LinkedHashMap<>(facts);
    more.put(name, value);
    return new RunState(runId, issue, phase, branch, base, claim, now, handled, more);
  }

  /** This state without the fact {@code name}. */
  public RunState withoutFact(String name, Instant now) {
    Map<String, String> fewer = new LinkedHashMap<>(facts);
    fewer.remove(name);
    return new RunState(runId, issue, phase, branch, base, claim, now, handled, fewer);
  }

  /** True when a job recorded that it stopped on a tracker failure (see {@link #INTERRUPTED}). */
  public boolean interrupted() {
    return facts.containsKey(INTERRUPTED);
  }

  public Optional<String> fact(String name) {
    return Optional.ofNullable(facts.get(name));
  }

  /** True while the run holds the issue: in progress, awaiting approval, or with a PR open. */
  public boolean active() {
    return phase == Phase.IN_PROGRESS || phase == Phase.AWAITING_APPROVAL || phase == Phase.PR_OPENED;
  }
}
