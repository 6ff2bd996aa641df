package dev.aegis.core.ops;

import dev.aegis.core.run.RunLedger;
import dev.aegis.core.run.RunState;
import dev.aegis.core.run.StatusComment;
import dev.aegis.core.tracker.Issue;
import dev.aegis.core.tracker.IssueKey;
import dev.aegis.core.tracker.Phase;
import dev.aegis.core.tracker.Tracker;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Lists the runs the tracker shows: one label listing per phase (filtered on the server), then the comments of
 * each issue found, to read the latest status comment Aegis itself wrote. Never one request per open issue.
 */
final class RunList {
  /** Phases listed by default: runs that hold the issue and may still need someone. */
  static final List<Phase> ACTIVE = List.of(Phase.IN_PROGRESS, Phase.AWAITING_APPROVAL);
  /** Phases {@code --all} lists besides. */
  static final List<Phase> ENDED = List.of(Phase.BLOCKED, Phase.NEEDS_INFO, Phase.PR_OPENED);

  /** State facts the run flow writes (see {@code dev.aegis.core.flow}). */
  static final String STAGE = "stage";
  static final String PR = "pr";
  static final String COST = "cost";

  private final Tracker tracker;
  private final RunLedger ledger;
  private final Clock clock;
  private final Duration staleAfter;

  RunList(Tracker tracker, Clock clock, Duration staleAfter) {
    this.tracker = tracker;
    this.ledger = new RunLedger(tracker);
    this.clock = clock;
    this.staleAfter = staleAfter;
  }

  /** The runs in the default phases, or in every phase with {@code all}; grouped by phase, oldest issue first. */
  List<RunRow> list(boolean all) {
    List<Phase> phases = new ArrayList<>(ACTIVE);
    if (all) {
      phases.addAll(ENDED);
    }
    List<RunRow> rows = new ArrayList<>();
    Set<IssueKey> seen = new HashSet<>();
    for (Phase phase : phases) {
      for (Issue issue : tracker.issuesIn(phase)) {
        if (seen.add(issue.key())) { // an issue with two phase labels is listed once, under the first
          rows.add(row(issue, phase));
        }
      }
    }
    return rows;
  }

  private RunRow row(Issue issue, Phase phase) {
    Optional<RunState> state = ledger.latest(issue.key(), tracker.comments(issue.key())).map(StatusComment::state);
    Instant updated = state.map(RunState::updatedAt).orElse(issue.updatedAt());
    boolean stale = phase == Phase.IN_PROGRESS
        && Duration.between(updated, clock.instant()).compareTo(staleAfter) >= 0;
    return new RunRow(issue.key(), issue.title(), phase,
        state.flatMap(s -> s.fact(STAGE)),
        state.map(RunState::runId),
        updated,
        state.flatMap(s -> s.fact(PR)),
        Texts.cost(state.flatMap(s -> s.fact(COST))),
        stale);
  }
}
