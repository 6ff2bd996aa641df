package dev.aegis.core.host;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.aegis.core.host.HostResult.Outcome;
import dev.aegis.core.run.RunState;
import dev.aegis.core.tracker.Phase;
import dev.aegis.testkit.github.Fault;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * When a write fails for good (every retry answered 503), the job fails with a message that says what happens
 * next, the run is left in a defined state (the status comment says it was interrupted, the labels agree), and
 * the same event delivered again finishes the run at once: no waiting for the claim grace or staleness.
 */
class GitHubFailsForGoodTest {
  private static final String COMMENTS = "/repos/{owner}/{repo}/issues/{issue_number}/comments";
  private static final String ISSUE_LABELS = "/repos/{owner}/{repo}/issues/{issue_number}/labels";
  private static final String PULLS = "/repos/{owner}/{repo}/pulls";

  @TempDir Path tmp;
  private GitHubWorld w;

  @BeforeEach
  void world() {
    w = new GitHubWorld(tmp);
  }

  @AfterEach
  void close() {
    w.fake.assertNoContractViolations();
    w.close();
  }

  @Test
  void aPullRequestGitHubWillNotOpenLeavesTheRunInterruptedAndTheSameProceedOpensItAtOnce() {
    assertThat(w.job("issues", w.labeled(), true).outcome()).as(w.log()).isEqualTo(Outcome.OK);
    ObjectNode proceed = w.comment("maya", "/aegis proceed " + w.state().runId());
    w.fake.failNext("POST", PULLS, 50, Fault.serviceUnavailable());

    HostResult failed = w.job("issue_comment", proceed, false);

    assertThat(failed.outcome()).isEqualTo(Outcome.REMOTE_ERROR);
    assertThat(failed.message()).contains("GitHub failed while opening a pull request", "503",
        "recorded as interrupted", "re-run this job (or redeliver its event)");
    RunState interrupted = w.state();
    assertThat(interrupted.phase()).isEqualTo(Phase.IN_PROGRESS);
    assertThat(interrupted.interrupted()).isTrue();
    assertThat(w.statusComments()).singleElement().satisfies(c -> assertThat(c.body())
        .contains("this run was interrupted", "while implementing the approved plan", "Re-run the failed job"));
    assertThat(w.aegisLabels()).containsExactly(Phase.IN_PROGRESS.label());
    assertThat(w.pulls()).isEmpty();

    w.fake.clearFaults();
    HostResult resumed = w.job("issue_comment", proceed, false);

    assertThat(resumed.outcome()).as(resumed.message() + "\n" + w.log()).isEqualTo(Outcome.OK);
    w.assertConverged(Phase.PR_OPENED, 1);
    assertThat(w.state().interrupted()).isFalse();
  }

  @Test
  void aClaimWhoseStatusCommentCannotBePostedIsReleasedAndTheSameEventClaimsAgainAtOnce() {
    w.fake.failNext("POST", COMMENTS, 50, Fault.serviceUnavailable());

    HostResult failed = w.job("issues", w.labeled(), true);

    assertThat(failed.outcome()).isEqualTo(Outcome.REMOTE_ERROR);
    assertThat(failed.message()).contains("GitHub failed while commenting on", "The claim was released");
    assertThat(w.aegisBranches()).isEmpty();
    assertThat(w.statusComments()).isEmpty();
    assertThat(w.aegisLabels()).isEmpty();

    w.fake.clearFaults();
    HostResult again = w.job("issues", w.labeled(), true);

    assertThat(again.outcome()).as(again.message() + "\n" + w.log()).isEqualTo(Outcome.OK);
    w.assertConverged(Phase.AWAITING_APPROVAL, 0);
  }

  @Test
  void aClaimWhoseLabelCannotBeSetIsRecordedInterruptedAndTheSameEventPlansItAtOnce() {
    w.fake.failNext("POST", ISSUE_LABELS, 50, Fault.serviceUnavailable());

    HostResult failed = w.job("issues", w.labeled(), true);

    assertThat(failed.outcome()).isEqualTo(Outcome.REMOTE_ERROR);
    assertThat(failed.message()).contains("recorded as interrupted");
    assertThat(w.state().interrupted()).isTrue();
    assertThat(w.statusComments()).singleElement()
        .satisfies(c -> assertThat(c.body()).contains("right after claiming the issue"));

    w.fake.clearFaults();
    HostResult resumed = w.job("issues", w.labeled(), true);

    assertThat(resumed.outcome()).as(resumed.message() + "\n" + w.log()).isEqualTo(Outcome.OK);
    w.assertConverged(Phase.AWAITING_APPROVAL, 0);
    assertThat(w.state().interrupted()).isFalse();
  }

  @Test
  void aScheduledScanResumesAnInterruptedRunInsteadOfCallingItStale() {
    assertThat(w.job("issues", w.labeled(), true).outcome()).as(w.log()).isEqualTo(Outcome.OK);
    ObjectNode proceed = w.comment("maya", "/aegis proceed " + w.state().runId());
    w.fake.failNext("POST", PULLS, 50, Fault.serviceUnavailable());
    assertThat(w.job("issue_comment", proceed, false).outcome()).isEqualTo(Outcome.REMOTE_ERROR);
    w.fake.clearFaults();
    w.clock.advance(java.time.Duration.ofMinutes(30));

    HostResult scan = w.job("schedule", w.schedule(), false);

    assertThat(scan.outcome()).as(scan.message() + "\n" + w.log()).isEqualTo(Outcome.OK);
    w.assertConverged(Phase.PR_OPENED, 1);
  }
}
