package dev.aegis.core.run;

import dev.aegis.core.tracker.Issue;
import dev.aegis.core.tracker.IssueComment;
import dev.aegis.core.tracker.Phase;
import dev.aegis.core.tracker.Tracker;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Marks stale runs blocked: a run in progress whose status comment has not changed for the configured time
 * (20 minutes by default) lost its job (runner gone, timeout, crash). An issue labelled in progress whose run
 * state says otherwise only gets its label corrected. Scheduled runs call this before a scan;
 * {@code aegis recover} calls it on demand.
 */
public final class Recovery {
  private final Tracker tracker;
  private final RunLedger ledger;
  private final Clock clock;
  private final Duration staleAfter;

  public Recovery(Tracker tracker, Clock clock, Duration staleAfter) {
    this.tracker = Objects.requireNonNull(tracker, "tracker");
    this.ledger = new RunLedger(tracker);
    this.clock = Objects.requireNonNull(clock, "clock");
    this.staleAfter = Objects.requireNonNull(staleAfter, "staleAfter");
  }

  /** Checks every run in progress; returns one decision per stale run (blocked, or would be on a dry run). */
  public List<Decision> recover(boolean dryRun) {
    List<Decision> out = new ArrayList<>();
    for (Issue issue : tracker.issuesIn(Phase.IN_PROGRESS)) {
      List<IssueComment> comments = tracker.comments(issue.key());
      Optional<StatusComment> status = ledger.latest(issue.key(), comments);
      if (status.isPresent() && status.get().state().phase() != Phase.IN_PROGRESS) {
        // the run already ended (blocked, awaiting approval...) and a dead job left its old label: the label
        // follows the state; rewriting the status would replace the run's own note, such as failing tests
        if (!dryRun) {
          tracker.setPhase(issue.key(), status.get().state().phase());
        }
        continue;
      }
      Instant last = status.map(s -> s.state().updatedAt()).orElse(issue.updatedAt());
      Duration quiet = Duration.between(last, clock.instant());
      if (quiet.compareTo(staleAfter) < 0) {
        continue;
      }
      String reason = "no progress was reported for " + quiet.toMinutes() + " minutes, so its CI job most likely "
          + "died (runner lost, job timeout or cancelled).";
      if (!dryRun) {
        block(issue, status, reason);
      }
      String runId = status.map(s -> s.state().runId()).orElse("");
      String why = status.isPresent() ? "no progress for " + quiet.toMinutes() + " min (run " + runId + ")"
          : "labelled " + Phase.IN_PROGRESS.label() + " but has no Aegis status comment (no run claimed it)";
      out.add(new Decision(issue.key(), dryRun ? Decision.Verdict.WOULD_BLOCK : Decision.Verdict.BLOCKED, why, runId));
    }
    return out;
  }

  private void block(Issue issue, Optional<StatusComment> status, String reason) {
    String next = "remove the " + Phase.BLOCKED.label() + " label to let Aegis try again on its next run.";
    if (status.isPresent()) {
      RunState state = status.get().state();
      RunState blocked = state.withPhase(Phase.BLOCKED, clock.instant()).withFact("blocked", "stale", clock.instant())
          .withFact(RunState.STAGE, "blocked", clock.instant());
      ledger.update(issue.key(), status.get(), Templates.render("blocked", Map.of(
          "run", state.runId(), "branch", state.branch(), "reason", reason, "next", next)), blocked);
    } else {
      tracker.addComment(issue.key(), "### 🛡️ Aegis: this issue is marked blocked\n\nIt is labelled "
          + Phase.IN_PROGRESS.label() + ", but Aegis has no status comment on it: no run claimed it (the label was "
          + "added by hand, or a claim failed before its first comment), so nothing is working on it.\n\n" + next);
    }
    tracker.setPhase(issue.key(), Phase.BLOCKED);
  }
}
