package dev.aegis.core.run;

import dev.aegis.core.config.AegisConfig;
import dev.aegis.core.readiness.Readiness;
import dev.aegis.core.readiness.ReadinessCheck;
import dev.aegis.core.repo.CodeHost;
import dev.aegis.core.text.UntrustedText;
import dev.aegis.core.tracker.Issue;
import dev.aegis.core.tracker.IssueComment;
import dev.aegis.core.tracker.IssueKey;
import dev.aegis.core.tracker.Phase;
import dev.aegis.core.tracker.Tracker;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Steps 1-3 of a run: find ready bugs, check each has enough context (asking one question when not), and
 * claim it. A dry run reads only and prints what it would do.
 *
 * <p>Request cost of a dry-run scan: one listing per 100 ready issues, one request for the count of runs in
 * progress, and a comment listing only for issues whose own text is too thin (replies may fill the gap).
 */
public final class Pickup {
  private final Tracker tracker;
  private final AegisConfig config;
  private final ReadinessCheck readiness;
  private final Claimer claimer;
  private final Questions questions;
  private final RunLedger ledger;
  private final Runnable beforeWrite;

  public Pickup(Tracker tracker, CodeHost code, AegisConfig config, Clock clock, RunIds runIds) {
    this(tracker, code, config, clock, runIds, () -> {});
  }

  /**
   * @param beforeWrite runs before the first question or claim (never in a dry run); it throws to stop the job
   *     before anything is written, when the job could not work (the host's preflight checks)
   */
  public Pickup(Tracker tracker, CodeHost code, AegisConfig config, Clock clock, RunIds runIds, Runnable beforeWrite) {
    this(tracker, code, config, clock, runIds, beforeWrite, "");
  }

  /** @param signature appended to the claim's status comment (the workflow run that wrote it), or empty */
  public Pickup(Tracker tracker, CodeHost code, AegisConfig config, Clock clock, RunIds runIds, Runnable beforeWrite,
      String signature) {
    this.beforeWrite = Objects.requireNonNull(beforeWrite, "beforeWrite");
    this.tracker = Objects.requireNonNull(tracker, "tracker");
    this.config = Objects.requireNonNull(config, "config");
    this.readiness = new ReadinessCheck();
    this.claimer = new Claimer(tracker, code, runIds, clock, config.claimGrace(), signature);
    this.questions = new Questions(tracker);
    this.ledger = new RunLedger(tracker);
  }

  /** Scans all ready issues, oldest first. */
  public List<Decision> scan(boolean dryRun) {
    List<Issue> ready = tracker.readyIssues();
    RunSlots slots = slots();
    List<Decision> decisions = new ArrayList<>();
    for (Issue issue : ready) {
      decisions.add(decide(issue, dryRun, slots));
    }
    return decisions;
  }

  /**
   * Decides about one issue (an {@code issues} event).
   *
   * @throws IllegalArgumentException when the issue does not exist
   */
  public Decision one(IssueKey key, boolean dryRun) {
    return one(key, dryRun, slots());
  }

  /**
   * Decides about one issue, taking a run slot from {@code slots} (shared with the other trackers' pickups).
   *
   * @throws IllegalArgumentException when the issue does not exist
   */
  public Decision one(IssueKey key, boolean dryRun, RunSlots slots) {
    Issue issue = tracker.issue(key)
        .orElseThrow(() -> new IllegalArgumentException(key.display() + " does not exist or is not visible to the token"));
    Optional<String> notReady = tracker.notReady(issue);
    if (notReady.isPresent()) {
      return Decision.of(key, Decision.Verdict.SKIPPED, notReady.get());
    }
    return decide(issue, dryRun, slots);
  }

  /**
   * Decides about one issue of this tracker's {@link Tracker#readyIssues()} (a scan that merges several
   * trackers' candidates), taking a run slot from {@code slots} when it claims or would claim it.
   */
  public Decision decide(Issue issue, boolean dryRun, RunSlots slots) {
    Objects.requireNonNull(slots, "slots");
    Phase phase = tracker.phaseOf(issue);
    switch (phase) {
      case PR_OPENED:
        return Decision.of(issue.key(), Decision.Verdict.SKIPPED, "pull request already opened");
      case BLOCKED:
        return Decision.of(issue.key(), Decision.Verdict.SKIPPED,
            "blocked; remove the " + Phase.BLOCKED.label() + " label to try again");
      case IN_PROGRESS:
      case AWAITING_APPROVAL:
        return Decision.of(issue.key(), Decision.Verdict.SKIPPED, "already claimed");
      default:
        break;
    }
    return decideUnclaimed(issue, phase, dryRun, slots);
  }

  private RunSlots slots() {
    return RunSlots.across(config.maxConcurrentRuns(), List.of(tracker));
  }

  private Decision decideUnclaimed(Issue issue, Phase phase, boolean dryRun, RunSlots capacity) {
    List<IssueComment> comments = null;
    Readiness verdict = readiness.check(issue.title(), issue.body(), List.of());
    if (!(verdict instanceof Readiness.Ready) || phase == Phase.NEEDS_INFO) {
      comments = tracker.comments(issue.key());
      verdict = readiness.check(issue.title(), issue.body(), replies(comments));
    }
    if (verdict instanceof Readiness.NeedsInfo needs) {
      if (!dryRun) {
        beforeWrite.run();
        questions.askOnce(issue, comments, needs);
      }
      return Decision.of(issue.key(), Decision.Verdict.NEEDS_INFO, needs.question());
    }
    if (!capacity.available()) {
      return Decision.of(issue.key(), Decision.Verdict.WAITING, capacity.describe());
    }
    if (dryRun) {
      capacity.take();
      return Decision.of(issue.key(), Decision.Verdict.WOULD_RUN, "ready bug with enough context");
    }
    beforeWrite.run();
    ClaimOutcome outcome = claimer.claim(issue, comments != null ? comments : tracker.comments(issue.key()));
    if (outcome instanceof ClaimOutcome.Claimed claimed) {
      capacity.take();
      String runId = claimed.status().state().runId();
      return new Decision(issue.key(), Decision.Verdict.CLAIMED,
          "run " + runId + (claimed.adopted() ? " (adopted an interrupted claim)" : ""), runId);
    }
    ClaimOutcome.Taken taken = (ClaimOutcome.Taken) outcome;
    return new Decision(issue.key(), Decision.Verdict.SKIPPED, taken.reason(), taken.runId());
  }

  /** What people (not bots, not Aegis) wrote in comments, cleaned. */
  private List<String> replies(List<IssueComment> comments) {
    return comments.stream()
        .filter(c -> !c.author().bot() && !ledger.byAegis(c))
        .map(c -> UntrustedText.clean(c.body()))
        .toList();
  }
}
