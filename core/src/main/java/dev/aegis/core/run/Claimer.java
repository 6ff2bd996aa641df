package dev.aegis.core.run;

import dev.aegis.core.repo.CodeHost;
import dev.aegis.core.repo.CommitInfo;
import dev.aegis.core.tracker.IdentityException;
import dev.aegis.core.tracker.Issue;
import dev.aegis.core.tracker.IssueComment;
import dev.aegis.core.tracker.Phase;
import dev.aegis.core.tracker.Tracker;
import dev.aegis.core.tracker.TrackerException;
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
      StatusComment status;
      try {
        status = posted(issue, runId, branch, base, claimSha);
      } catch (IdentityException e) {
        // The status comment was written as someone else and deleted again: take the claim back too, so the
        // issue is as it was and the next job (with github.login fixed) claims it afresh.
        code.deleteBranch(branch);
        throw e;
      } catch (TrackerException e) {
        throw release(branch, claimSha, e);
      }
      return labelled(issue, status, false);
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
    return labelled(issue, posted(issue, runId, branch, base, sha), adopted);
  }

  private StatusComment posted(Issue issue, String runId, String branch, String base, String sha) {
    RunState state = RunState.claimed(runId, issue.key(), branch, base, sha, clock.instant());
    String text = Templates.render("claimed", Map.of(
        "run", runId, "branch", branch, "phase", "in progress")) + signature;
    return ledger.post(issue.key(), text, state);
  }

  private ClaimOutcome labelled(Issue issue, StatusComment status, boolean adopted) {
    try {
      tracker.setPhase(issue.key(), Phase.IN_PROGRESS);
    } catch (TrackerException e) {
      throw interrupted(issue, status, e);
    }
    return new ClaimOutcome.Claimed(status, adopted);
  }

  /**
   * The status comment of a fresh claim could not be posted: without it no job would know the claim is not
   * running before its grace period is over, so the branch (only the claim commit) is deleted again and the next
   * job claims the issue afresh. A claim of a branch with history (adoption, a new run on an old branch) is
   * left for the grace period.
   */
  private TrackerException release(String branch, String claimSha, TrackerException e) {
    String after;
    try {
      if (code.branchHead(branch).filter(claimSha::equals).isPresent()) {
        code.deleteBranch(branch);
      }
      after = " The claim was released: the next job (a re-run, a redelivered event) claims the issue afresh.";
    } catch (RuntimeException again) {
      after = " The claim (branch " + branch + ") could not be released either; the next job adopts it once the "
          + "claim grace period of " + grace.toSeconds() + " s is over.";
    }
    return new TrackerException(e.getMessage() + after, e.status(), e.url(), e.retryAfter().orElse(null), e);
  }

  /** The claim's label could not be set: the status comment says the run was interrupted, so the next job resumes it. */
  private TrackerException interrupted(Issue issue, StatusComment status, TrackerException e) {
    RunState marked = status.state().withFact(RunState.INTERRUPTED, e.getMessage(), clock.instant());
    String after;
    try {
      ledger.update(issue.key(), status, Templates.render("interrupted", Map.of("run", marked.runId(),
          "branch", marked.branch(), "reason", e.getMessage(), "stage", "right after claiming the issue")), marked);
      after = " Run " + marked.runId() + " is recorded as interrupted: re-run this job (or redeliver its event) to "
          + "go on at once.";
    } catch (RuntimeException again) {
      after = " The next job resumes run " + marked.runId() + " once its claim grace period is over.";
    }
    return new TrackerException(e.getMessage() + after, e.status(), e.url(), e.retryAfter().orElse(null), e);
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
