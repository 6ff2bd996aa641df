package dev.aegis.core.run;

import static org.assertj.core.api.Assertions.assertThat;

import dev.aegis.core.support.Issues;
import dev.aegis.core.support.MutableClock;
import dev.aegis.core.tracker.Author;
import dev.aegis.core.tracker.IssueKey;
import dev.aegis.core.tracker.Phase;
import dev.aegis.core.tracker.memory.InMemoryTracker;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class RecoveryTest {
  private final MutableClock clock = new MutableClock(Instant.parse("2026-11-21T10:00:00Z"));
  private final InMemoryTracker tracker = new InMemoryTracker(new Author("aegis-bot", true), "ready to implement", "bug", clock);
  private final IssueKey key = IssueKey.github(8);

  @BeforeEach
  void claimed() {
    tracker.put(Issues.ready(8, "Crash", Issues.GOOD_BODY, clock.instant()));
    RunState state = RunState.claimed("8-abcdef", key, "aegis/8-crash", "main", "sha", clock.instant());
    new RunLedger(tracker).post(key, "working", state);
    tracker.setPhase(key, Phase.IN_PROGRESS);
  }

  private Recovery recovery() {
    return new Recovery(tracker, clock, Duration.ofMinutes(20));
  }

  @Test
  void aRunThatReportedRecentlyIsLeftAlone() {
    clock.advance(Duration.ofMinutes(19));
    assertThat(recovery().recover(false)).isEmpty();
    assertThat(tracker.issue(key).orElseThrow().labels()).contains("aegis:in-progress");
  }

  @Test
  void aRunSilentForTwentyMinutesIsMarkedBlockedWithAPlainEnglishNote() {
    clock.advance(Duration.ofMinutes(21));

    assertThat(recovery().recover(false)).extracting(Decision::line)
        .containsExactly("github:#8 blocked - no progress for 21 min (run 8-abcdef)");

    assertThat(tracker.issue(key).orElseThrow().labels()).contains("aegis:blocked").doesNotContain("aegis:in-progress");
    StatusComment status = new RunLedger(tracker).latest(key, tracker.comments(key)).orElseThrow();
    assertThat(status.state().phase()).isEqualTo(Phase.BLOCKED);
    assertThat(status.state().fact(RunState.STAGE)).contains("blocked");
    assertThat(tracker.comments(key)).hasSize(1).first().satisfies(c -> assertThat(c.body())
        .contains("could not finish", "CI job most likely died", "remove the aegis:blocked label"));
  }

  @Test
  void aDryRunSaysWhatItWouldBlockAndChangesNothing() {
    clock.advance(Duration.ofMinutes(30));
    assertThat(recovery().recover(true)).extracting(Decision::line)
        .containsExactly("github:#8 would block - no progress for 30 min (run 8-abcdef)");
    assertThat(tracker.issue(key).orElseThrow().labels()).contains("aegis:in-progress");
  }

  @Test
  void recoveringTwiceChangesNothingMore() {
    clock.advance(Duration.ofMinutes(25));
    recovery().recover(false);
    clock.advance(Duration.ofMinutes(25));
    assertThat(recovery().recover(false)).isEmpty();
    assertThat(tracker.comments(key)).hasSize(1);
  }

  @Test
  void aLabelLeftBehindByADeadJobFollowsTheRunStateInsteadOfBlockingTheRun() {
    RunLedger ledger = new RunLedger(tracker);
    StatusComment claimed = ledger.latest(key, tracker.comments(key)).orElseThrow();
    ledger.update(key, claimed, "the plan", claimed.state().withPhase(Phase.AWAITING_APPROVAL, clock.instant()));
    clock.advance(Duration.ofMinutes(30));

    assertThat(recovery().recover(true)).isEmpty();
    assertThat(tracker.issue(key).orElseThrow().labels()).contains("aegis:in-progress");
    assertThat(recovery().recover(false)).isEmpty();

    assertThat(tracker.issue(key).orElseThrow().labels())
        .contains("aegis:awaiting-approval").doesNotContain("aegis:in-progress", "aegis:blocked");
    StatusComment status = ledger.latest(key, tracker.comments(key)).orElseThrow();
    assertThat(status.state().phase()).isEqualTo(Phase.AWAITING_APPROVAL);
    assertThat(status.text()).isEqualTo("the plan");
  }

  @Test
  void aRunThatEndedButKeptItsInProgressLabelGetsTheRightLabelAndKeepsItsNote() {
    RunLedger ledger = new RunLedger(tracker);
    StatusComment status = ledger.latest(key, tracker.comments(key)).orElseThrow();
    ledger.update(key, status, "the tests fail: FAIL add", status.state().withPhase(Phase.BLOCKED, clock.instant()));
    clock.advance(Duration.ofMinutes(45));

    assertThat(recovery().recover(false)).isEmpty();

    assertThat(tracker.issue(key).orElseThrow().labels()).contains("aegis:blocked").doesNotContain("aegis:in-progress");
    assertThat(ledger.latest(key, tracker.comments(key)).orElseThrow().text()).isEqualTo("the tests fail: FAIL add");
  }

  @Test
  void anIssueLabelledInProgressWithoutAStatusCommentSaysSoInsteadOfCountingMinutes() {
    IssueKey hand = IssueKey.github(9);
    tracker.put(Issues.ready(9, "Labelled by hand", Issues.GOOD_BODY, clock.instant().minus(Duration.ofDays(1000))));
    tracker.setPhase(hand, Phase.IN_PROGRESS);
    clock.advance(Duration.ofMinutes(1));
    RunLedger ledger = new RunLedger(tracker);
    StatusComment own = ledger.latest(key, tracker.comments(key)).orElseThrow();
    ledger.update(key, own, "working", own.state().withPhase(Phase.IN_PROGRESS, clock.instant()));
    clock.advance(Duration.ofMinutes(30));

    assertThat(recovery().recover(true)).extracting(Decision::line).contains(
        "github:#9 would block - labelled aegis:in-progress but has no Aegis status comment (no run claimed it)");
    assertThat(recovery().recover(false)).extracting(Decision::line)
        .contains("github:#9 blocked - labelled aegis:in-progress but has no Aegis status comment (no run claimed it)")
        .noneMatch(line -> line.startsWith("github:#9") && line.contains("min"));
    assertThat(tracker.issue(hand).orElseThrow().labels()).contains("aegis:blocked").doesNotContain("aegis:in-progress");
    assertThat(tracker.comments(hand)).singleElement().satisfies(c -> assertThat(c.body())
        .contains("Aegis has no status comment on it", "remove the aegis:blocked label")
        .doesNotContain("minutes"));
  }
}
