package dev.aegis.core.run;

import static org.assertj.core.api.Assertions.assertThat;

import dev.aegis.core.git.Git;
import dev.aegis.core.repo.local.LocalCodeHost;
import dev.aegis.core.support.BareRepos;
import dev.aegis.core.support.Issues;
import dev.aegis.core.support.MutableClock;
import dev.aegis.core.tracker.Author;
import dev.aegis.core.tracker.Issue;
import dev.aegis.core.tracker.IssueKey;
import dev.aegis.core.tracker.Phase;
import dev.aegis.core.tracker.memory.InMemoryTracker;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ClaimerTest {
  private static final Duration GRACE = Duration.ofSeconds(120);
  @TempDir Path tmp;
  private final MutableClock clock = new MutableClock(Instant.now());
  private InMemoryTracker tracker;
  private LocalCodeHost code;
  private Issue issue;

  @BeforeEach
  void setUp() {
    Path bare = BareRepos.withInitialCommit(tmp.resolve("origin.git"));
    code = new LocalCodeHost("acme/shop", bare, BareRepos.git(bare));
    tracker = new InMemoryTracker(new Author("aegis-bot", true), "ready to implement", "bug", clock);
    issue = Issues.ready(42, "Checkout crashes", Issues.GOOD_BODY, clock.instant());
    tracker.put(issue);
  }

  private Claimer claimer(long seed) {
    return new Claimer(tracker, code, new RunIds(new Random(seed)), clock, GRACE);
  }

  private ClaimOutcome claim(long seed) {
    Issue current = tracker.issue(issue.key()).orElseThrow();
    return claimer(seed).claim(current, tracker.comments(issue.key()));
  }

  @Test
  void aClaimCreatesTheBranchPostsOneStatusCommentAndLabelsInProgress() {
    ClaimOutcome outcome = claim(1);

    assertThat(outcome).isInstanceOf(ClaimOutcome.Claimed.class);
    RunState state = ((ClaimOutcome.Claimed) outcome).status().state();
    assertThat(state.branch()).isEqualTo("aegis/42-checkout-crashes");
    assertThat(code.branchHead(state.branch())).contains(state.claim());
    assertThat(code.commit(state.claim()).message()).contains("Aegis-Run: " + state.runId());
    assertThat(tracker.comments(issue.key())).hasSize(1);
    assertThat(new RunLedger(tracker).latest(issue.key(), tracker.comments(issue.key())).orElseThrow().state()).isEqualTo(state);
    assertThat(tracker.issue(issue.key()).orElseThrow().labels()).contains("aegis:in-progress", "bug");
  }

  @Test
  void aSecondDeliveryOfTheSameClaimChangesNothing() {
    ClaimOutcome first = claim(1);
    String head = code.branchHead("aegis/42-checkout-crashes").orElseThrow();

    ClaimOutcome second = claim(2);

    String runId = ((ClaimOutcome.Claimed) first).status().state().runId();
    assertThat(second).isEqualTo(new ClaimOutcome.Taken(runId, "already claimed (run " + runId + ")"));
    assertThat(tracker.comments(issue.key())).hasSize(1);
    assertThat(code.branchHead("aegis/42-checkout-crashes")).contains(head);
  }

  @Test
  void aMissingPhaseLabelIsRestoredWhenTheClaimIsSeenAgain() {
    claim(1);
    tracker.setPhase(issue.key(), Phase.NONE);

    claim(2);

    assertThat(tracker.issue(issue.key()).orElseThrow().labels()).contains("aegis:in-progress");
    assertThat(tracker.comments(issue.key())).hasSize(1);
  }

  @Test
  void racingClaimsOnOneIssueProduceExactlyOneWinner() throws Exception {
    int racers = 6;
    ExecutorService pool = Executors.newFixedThreadPool(racers);
    CountDownLatch start = new CountDownLatch(1);
    List<Future<ClaimOutcome>> results = new ArrayList<>();
    for (int i = 0; i < racers; i++) {
      long seed = i;
      results.add(pool.submit(() -> {
        start.await();
        return claimer(seed).claim(issue, List.of());
      }));
    }
    start.countDown();
    int won = 0;
    for (Future<ClaimOutcome> f : results) {
      if (f.get() instanceof ClaimOutcome.Claimed) {
        won++;
      }
    }
    pool.shutdown();

    assertThat(won).isEqualTo(1);
    assertThat(new RunLedger(tracker).runs(issue.key())).hasSize(1);
  }

  @Test
  void aClaimWhoseJobDiedBeforeItsStatusCommentIsLeftAloneWithinTheGracePeriod() {
    String runId = orphanClaim();

    ClaimOutcome outcome = claim(3);

    assertThat(outcome).isEqualTo(new ClaimOutcome.Taken(runId, "claim in flight (run " + runId + ")"));
    assertThat(tracker.comments(issue.key())).isEmpty();
  }

  @Test
  void aClaimWhoseJobDiedBeforeItsStatusCommentIsAdoptedAfterTheGracePeriod() {
    String runId = orphanClaim();
    clock.advance(GRACE.plusSeconds(1));

    ClaimOutcome outcome = claim(3);

    assertThat(outcome).isInstanceOf(ClaimOutcome.Claimed.class);
    ClaimOutcome.Claimed claimed = (ClaimOutcome.Claimed) outcome;
    assertThat(claimed.adopted()).isTrue();
    assertThat(claimed.status().state().runId()).isEqualTo(runId);
    assertThat(tracker.comments(issue.key())).hasSize(1);
    assertThat(claim(4)).isInstanceOf(ClaimOutcome.Taken.class);
  }

  @Test
  void aBranchNotMadeByAegisIsNeverTaken() {
    String main = code.branchHead("main").orElseThrow();
    code.createBranch("aegis/42-checkout-crashes", main);

    ClaimOutcome outcome = claim(1);

    assertThat(outcome).isInstanceOf(ClaimOutcome.Taken.class);
    assertThat(((ClaimOutcome.Taken) outcome).reason()).contains("was not made by Aegis");
    assertThat(code.branchHead("aegis/42-checkout-crashes")).contains(main);
  }

  @Test
  void anIssueMadeReadyAgainAfterABlockedRunGetsANewRunOnTheSameBranch() {
    ClaimOutcome.Claimed first = (ClaimOutcome.Claimed) claim(1);
    RunState blocked = first.status().state().withPhase(Phase.BLOCKED, clock.instant());
    new RunLedger(tracker).update(issue.key(), first.status(), "blocked", blocked);
    tracker.setPhase(issue.key(), Phase.NONE);

    ClaimOutcome second = claim(2);

    assertThat(second).isInstanceOf(ClaimOutcome.Claimed.class);
    RunState fresh = ((ClaimOutcome.Claimed) second).status().state();
    assertThat(fresh.runId()).isNotEqualTo(first.status().state().runId());
    assertThat(BareRepos.git(tmp.resolve("origin.git"))
        .succeeds("merge-base", "--is-ancestor", first.status().state().claim(), fresh.claim())).isTrue();
  }

  /** Simulates a job that won the branch and died: the claim commit exists, no status comment. */
  private String orphanClaim() {
    String base = code.branchHead("main").orElseThrow();
    String runId = "42-orphan";
    String sha = code.createCommit(code.commit(base).tree(), List.of(base),
        "aegis: claim github:#42\n\nAegis-Issue: github:#42\nAegis-Run: " + runId + "\n");
    assertThat(code.createBranch("aegis/42-checkout-crashes", sha)).isTrue();
    return runId;
  }

  @Test
  void issueKeysDisplayAsDecisionLinesExpect() {
    assertThat(IssueKey.github(7).display()).isEqualTo("github:#7");
    assertThat(new IssueKey("linear", "ENG-950").display()).isEqualTo("linear:ENG-950");
  }
}
