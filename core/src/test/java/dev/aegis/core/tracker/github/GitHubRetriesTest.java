package dev.aegis.core.tracker.github;

import static org.assertj.core.api.Assertions.assertThat;

import dev.aegis.core.tracker.IssueComment;
import dev.aegis.core.tracker.IssueKey;
import dev.aegis.core.tracker.Phase;
import dev.aegis.core.tracker.Reaction;
import dev.aegis.core.tracker.Tracker;
import dev.aegis.core.tracker.github.GitHubSettings.RetryPolicy;
import dev.aegis.testkit.github.Fault;
import dev.aegis.testkit.github.FakeComment;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Requests that are idempotent on GitHub survive one 5xx, rate limit, timeout or dropped connection: they are
 * sent again after the wait GitHub asks for, or a backoff, and the job goes on.
 */
class GitHubRetriesTest {
  private static final String LABELS = "/repos/octo-org/app/issues/\\d+/labels";
  private static final String LABEL = "/repos/octo-org/app/issues/\\d+/labels/.+";
  private static final String COMMENT = "/repos/octo-org/app/issues/comments/\\d+";
  private static final String ISSUE = "/repos/octo-org/app/issues/\\d+";

  private final GitHubFixture gh = new GitHubFixture();
  private Tracker tracker;
  private IssueKey key;

  @BeforeEach
  void connect() {
    // a short read timeout so that a silent fake costs little; the first request loads the fake's contract
    tracker = gh.connect(gh.settings().withRetry(RetryPolicy.DEFAULT.withTimeout(Duration.ofMillis(1500)))).tracker();
    key = IssueKey.github(gh.repo.addIssue("Bug", "body", "alice", "bug", "ready to implement"));
    tracker.comments(key);
    gh.fake.clearRequests();
  }

  @AfterEach
  void contractHeldAndClose() {
    gh.close();
  }

  @Test
  void aLabelAddThatFailsWith503IsSentAgainAfterABackoff() {
    gh.fake.failNth("POST", LABELS, 1, Fault.When.BEFORE, Fault.serviceUnavailable());

    tracker.setPhase(key, Phase.IN_PROGRESS);

    assertThat(gh.repo.issue(key.number()).orElseThrow().labels()).contains("aegis:in-progress");
    assertThat(gh.sleeps).containsExactly(Duration.ofSeconds(1));
  }

  @Test
  void aLabelAddWhoseAnswerWasLostIsSentAgainAndTheLabelIsThereOnce() {
    gh.fake.failNth("POST", LABELS, 1, Fault.When.AFTER, Fault.reset());

    tracker.setPhase(key, Phase.IN_PROGRESS);

    assertThat(gh.repo.issue(key.number()).orElseThrow().labels()).containsOnlyOnce("aegis:in-progress");
  }

  @Test
  void aLabelRemovalThatTimesOutIsSentAgain() {
    tracker.setPhase(key, Phase.IN_PROGRESS);
    gh.fake.failNth("DELETE", LABEL, 1, Fault.When.AFTER, Fault.timeout(Duration.ofSeconds(3)));

    tracker.setPhase(key, Phase.AWAITING_APPROVAL);

    assertThat(gh.repo.issue(key.number()).orElseThrow().labels()).contains("aegis:awaiting-approval")
        .doesNotContain("aegis:in-progress");
  }

  @Test
  void aCommentEditWhoseAnswerWasLostIsSentAgainWithTheFullBody() {
    IssueComment c = tracker.addComment(key, "first");
    gh.fake.failNth("PATCH", COMMENT, 1, Fault.When.AFTER, Fault.badGateway());

    tracker.editComment(key, c.id(), "second");

    assertThat(gh.repo.comments(key.number())).extracting(FakeComment::body).containsExactly("second");
    assertThat(gh.sleeps).containsExactly(Duration.ofSeconds(1));
  }

  @Test
  void aReadThatTimesOutIsSentAgain() {
    gh.fake.failNth("GET", ISSUE, 1, Fault.When.BEFORE, Fault.timeout(Duration.ofSeconds(3)));

    assertThat(tracker.issue(key)).isPresent();
  }

  @Test
  void aSecondaryLimitWithRetryAfterIsWaitedOutForExactlyThatLong() {
    gh.fake.failNth("POST", LABELS, 1, Fault.When.BEFORE, Fault.tooManyRequests(Duration.ofSeconds(7)));

    tracker.setPhase(key, Phase.IN_PROGRESS);

    assertThat(gh.sleeps).containsExactly(Duration.ofSeconds(7));
    assertThat(gh.repo.issue(key.number()).orElseThrow().labels()).contains("aegis:in-progress");
  }

  @Test
  void aSecondaryLimitWithoutAFigureWaitsAMinuteAsGitHubAdvises() {
    gh.fake.failNth("POST", LABELS, 1, Fault.When.BEFORE, Fault.status(429, "You have exceeded a secondary rate limit."));

    tracker.setPhase(key, Phase.IN_PROGRESS);

    assertThat(gh.sleeps).containsExactly(Duration.ofMinutes(1));
  }

  @Test
  void aReactionWhoseAnswerWasLostIsSentAgainAndCountsOnce() {
    IssueComment c = gh.connect().tracker().addComment(key, "/aegis proceed");
    gh.fake.failNth("POST", "/repos/octo-org/app/issues/comments/\\d+/reactions", 1, Fault.When.AFTER,
        Fault.serverError());

    tracker.react(key, c.id(), Reaction.EYES);

    assertThat(gh.fake.count("POST", "/repos/{owner}/{repo}/issues/comments/{comment_id}/reactions")).isEqualTo(2);
    assertThat(gh.sleeps).containsExactly(Duration.ofSeconds(1));
  }
}
