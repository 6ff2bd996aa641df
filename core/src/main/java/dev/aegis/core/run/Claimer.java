package dev.aegis.core.run;

import dev.aegis.core.repo.CodeHost;
import dev.aegis.core.repo.CommitInfo;
import dev.aegis.core.tracker.IdentityException;
import dev.aegis.core.tracker.Issue;
import dev.aegis.core.tracker.IssueComment;
import dev.aegis.core.tracker.Phase;
import dev.aegis.core.tracker.Tracker;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Claims an issue so that exactly one run works on it, even when several CI jobs race.
 *
 * <p>The lock is the run's branch ref on the code host. A claim creates a small commit (the base tree, with
 * an {@code Aegis-Run} trailer naming the run) and then creates the branch at it: creating a ref is atomic
 * on the server, so one job wins and the others see "already exists". The winner then posts the status
 * comment (hidden state block) and sets the in-progress phase.
 *
 * <p>Crash safety: a job that dies after winning the ref but before posting the status comment leaves a
 * claim commit with no status comment. Once that claim is older than the configured grace period, another
 * job adopts it with a fast-forward of the ref (a compare-and-swap, so two adopters cannot both win) and
 * finishes the claim under the same run id. A repeated event finds the status comment and changes nothing
 * except restoring a missing phase label.
 */
public final class Claimer {
  /** The commit trailer naming the run a commit belongs to. */
  public static final String TRAILER = "Aegis-Run: ";
  private static final Pattern RUN_TRAILER = Pattern.compile("(?m)^Aegis-Run: (\\S+)$");

  private final Tracker tracker;
  private final CodeHost code;
  private final RunLedger ledger;
  private final RunIds runIds;
  private final Clock clock;
  private final Duration grace;
  private final String signature;

  /**
   * @param grace how old an orphaned claim (no status comment) must be before it is adopted
   */
  public Claimer(Tracker tracker, CodeHost code, RunIds runIds, Clock clock, Duration grace) {
    this(tracker, code, runIds, clock, grace, "");
  }

  /** @param signature appended to the claim's status comment (the workflow run that wrote it), or empty */
  public Claimer(Tracker tracker, CodeHost code, RunIds runIds, Clock clock, Duration grace, String signature) {
    this.signature = Objects.requireNonNull(signature, "signature");
    this.tracker = Objects.requireNonNull(tracker, "tracker");
    this.code = Objects.requireNonNull(code, "code");
    this.ledger = new RunLedger(tracker);
    this.runIds = Objects.requireNonNull(runIds, "runIds");
    this.clock = Objects.requireNonNull(clock, "clock");
    this.grace = Objects.requireNonNull(grace, "grace");
  }

  /**
   * Claims {@code issue}, or explains why not.
   *
   * @param issue the issue, already checked ready
   * @param comments its comments, already fetched
   * @throws dev.aegis.core.tracker.TrackerException when the tracker or code host fails
   */
  public ClaimOutcome claim(Issue issue, List<IssueComment> comments) {
    Optional<StatusComment> latest = ledger.latest(issue.key(), comments);
    if (latest.isPresent() && latest.get().state().active()) {
      RunState state = latest.get().state();
      if (tracker.phaseOf(issue) != state.phase()) {
        tracker.setPhase(issue.key(), state.phase());
      }
      return new ClaimOutcome.Taken(state.runId(), "already claimed (run " + state.runId() + ")");
    }
    String branch = Branches.forIssue(issue.key(), issue.title());
    String base = code.defaultBranch();
    String baseSha = code.branchHead(base).orElseThrow(
        () -> new IllegalStateException("the default branch " + base + " has no commits"));
    Optional<String> head = code.branchHead(branch);
    if (head.isEmpty()) {
      return createClaim(issue, branch, base, baseSha);
    }
    return existingBranch(issue, comments, branch, base, baseSha, head.get());
  }

  private ClaimOutcome createClaim(Issue issue, String branch, String base, String baseSha) {
    String runId = runIds.next(issue.key());
    String claimSha = claimCommit(issue, runId, baseSha, baseSha, "claim");
    if (code.createBranch(branch, claimSha)) {
      try {
        return won(issue, runId, branch, base, claimSha, false);
      } catch (IdentityException e) {
        // The status comment was written as someone else and deleted again: take the claim back too, so the
        // issue is as it was and the next job (with github.login fixed) claims it afresh.
        code.deleteBranch(branch);
        throw e;
      }
    }
    String owner = code.branchHead(branch).flatMap(this::ownerAt).orElse("");
    return new ClaimOutcome.Taken(owner, "already claimed" + (owner.isEmpty() ? "" : " (run " + owner + ")"));
  }

  private ClaimOutcome existingBranch(
      Issue issue, List<IssueComment> comments, String branch, String base, String baseSha, String head) {
    CommitInfo tip = code.commit(head);
    Optional<String> owner = runOf(tip);
    if (owner.isEmpty()) {
      return new ClaimOutcome.Taken("", "branch " + branch + " exists and was not made by Aegis; delete it to let Aegis run");
    }
    String runId = owner.get();
    boolean previousRunEnded = ledger.find(issue.key(), comments, runId).isPresent();
    if (previousRunEnded) {
      // The branch belongs to a finished run (blocked or stopped) and the issue is ready again: new run.
      String fresh = runIds.next(issue.key());
      String sha = claimCommit(issue, fresh, baseSha, head, "claim");
      return code.fastForward(branch, sha)
          ? won(issue, fresh, branch, base, sha, false)
          : new ClaimOutcome.Taken("", "already claimed (another job moved " + branch + ")");
    }
    Duration age = Duration.between(tip.committedAt(), clock.instant());
    if (age.compareTo(grace) < 0) {
      return new ClaimOutcome.Taken(runId, "claim in flight (run " + runId + ")");
    }
    String sha = claimCommit(issue, runId, baseSha, head, "adopt");
    return code.fastForward(branch, sha)
        ? won(issue, runId, branch, base, sha, true)
        : new ClaimOutcome.Taken(runId, "claim in flight (run " + runId + ")");
  }

  private String claimCommit(Issue issue, String runId, String baseSha, String parent, String verb) {
    String tree = code.commit(baseSha).tree();
    String message = "aegis: " + verb + " " + issue.key().display() + "\n\n"
        + "Aegis-Issue: " + issue.key().display() + "\n" + TRAILER + runId + "\n";
    return code.createCommit(tree, List.of(parent), message);
  }

  private ClaimOutcome won(Issue issue, String runId, String branch, String base, String sha, boolean adopted) {
    Instant now = clock.instant();
    RunState state = RunState.claimed(runId, issue.key(), branch, base, sha, now);
    String text = Templates.render("claimed", Map.of(
        "run", runId, "branch", branch, "phase", "in progress")) + signature;
    StatusComment status = ledger.post(issue.key(), text, state);
    tracker.setPhase(issue.key(), Phase.IN_PROGRESS);
    return new ClaimOutcome.Claimed(status, adopted);
  }

  private Optional<String> ownerAt(String sha) {
    return runOf(code.commit(sha));
  }

  /** The run named by the last {@code Aegis-Run} trailer of a commit (claims and Aegis's fix commits carry one). */
  public static Optional<String> runOf(CommitInfo commit) {
    Matcher m = RUN_TRAILER.matcher(commit.message());
    String last = null;
    while (m.find()) {
      last = m.group(1);
    }
    return Optional.ofNullable(last);
  }
}
