package dev.aegis.core.flow;

import dev.aegis.core.repo.CodeHost;
import dev.aegis.core.repo.CommitInfo;
import dev.aegis.core.run.Claimer;
import dev.aegis.core.run.RunState;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * One approval, one implementation. A re-run job, a redelivered webhook, the scheduled poll and the event's
 * own job may all carry the same {@code /aegis proceed} at once; only the one that moves the run's branch
 * from where the claim left it to an "implementing" commit naming the approval and the job goes on. That
 * move is a fast-forward compare-and-swap on the server, as the claim itself is: the others' commits are not
 * fast-forwards any more, so their moves fail and they stop without writing anything.
 *
 * <p>The implementing commit keeps the branch a line of fast-forwards (the fix goes on top of it and is
 * pushed without force): its tree is the base branch's tree as it is now, and when the base moved since the
 * claim the base's head is its second parent, so the pull request's diff is the fix alone.
 *
 * <p>An implementing commit of the same approval is another job at work, unless neither it nor the run's
 * status comment has moved for the claim grace period: then that job died, and this one takes over the same
 * way, with a commit on top. (The commit's date is GitHub's clock, the comparison this job's: Aegis assumes
 * they agree within seconds, as the claim's adoption does; a gap beyond the grace period would only delay a
 * take-over or let one start early after a real crash, never let two live jobs implement, because the move
 * itself is a compare-and-swap.)
 */
final class ImplementationLock {
  static final String APPROVAL_TRAILER = "Aegis-Approval: ";
  static final String JOB_TRAILER = "Aegis-Job: ";

  private final FlowContext ctx;

  ImplementationLock(FlowContext ctx) {
    this.ctx = ctx;
  }

  /**
   * Takes the implementation of {@code approvalId} for this job.
   *
   * @return the implementing commit the branch now points at; empty when another job holds it or the branch
   *     is not the run's any more
   */
  Optional<String> take(RunState s, String approvalId) {
    CodeHost code = ctx.code();
    Optional<String> head = code.branchHead(s.branch());
    if (head.isEmpty()) {
      return Optional.empty();
    }
    CommitInfo tip = code.commit(head.get());
    if (Claimer.runOf(tip).filter(s.runId()::equals).isEmpty()) {
      return Optional.empty();
    }
    if (approvalOf(tip).filter(approvalId::equals).isPresent() && alive(tip, s)) {
      return Optional.empty();
    }
    String base = code.branchHead(s.base()).orElseThrow(
        () -> new IllegalStateException("the base branch " + s.base() + " has no commits"));
    String baseTree = code.commit(base).tree();
    List<String> parents = tip.tree().equals(baseTree) ? List.of(tip.sha()) : List.of(tip.sha(), base);
    String message = "aegis: implement " + s.issue().display() + "\n\n" + "Aegis-Issue: " + s.issue().display() + "\n"
        + APPROVAL_TRAILER + approvalId + "\n" + JOB_TRAILER + job(ctx.environment()) + "\n" + Claimer.TRAILER
        + s.runId() + "\n";
    String sha = code.createCommit(baseTree, parents, message);
    return code.fastForward(s.branch(), sha) ? Optional.of(sha) : Optional.empty();
  }

  /** The approval an implementing commit names. */
  static Optional<String> approvalOf(CommitInfo commit) {
    return commit.message().lines().filter(l -> l.startsWith(APPROVAL_TRAILER))
        .map(l -> l.substring(APPROVAL_TRAILER.length()).trim()).reduce((a, b) -> b);
  }

  /** The job that holds an implementation still reports: its commit or the status comment is recent. */
  private boolean alive(CommitInfo tip, RunState s) {
    if (s.interrupted()) {
      return false; // its job recorded that it stopped on a tracker failure
    }
    Instant latest = tip.committedAt().isAfter(s.updatedAt()) ? tip.committedAt() : s.updatedAt();
    return Duration.between(latest, ctx.clock().instant()).compareTo(ctx.config().claimGrace()) < 0;
  }

  /** Which CI job this is, for the record: the Actions run and attempt, the Jenkins build, else the process. */
  static String job(Map<String, String> env) {
    if (env.containsKey("GITHUB_RUN_ID")) {
      return ("actions run " + env.get("GITHUB_RUN_ID") + " attempt " + env.getOrDefault("GITHUB_RUN_ATTEMPT", "1")).replaceAll("\\s+", " ");
    }
    if (env.containsKey("BUILD_TAG")) {
      return ("jenkins " + env.get("BUILD_TAG")).replaceAll("\\s+", " ");
    }
    return "process " + ProcessHandle.current().pid();
  }
}
