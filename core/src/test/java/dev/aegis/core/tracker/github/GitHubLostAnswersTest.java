package dev.aegis.core.tracker.github;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.aegis.core.repo.CodeHost;
import dev.aegis.core.repo.PullRequest;
import dev.aegis.core.repo.PullRequestDraft;
import dev.aegis.core.tracker.IssueComment;
import dev.aegis.core.tracker.IssueKey;
import dev.aegis.core.tracker.Tracker;
import dev.aegis.core.tracker.TrackerException;
import dev.aegis.core.tracker.github.GitHubSettings.RetryPolicy;
import dev.aegis.testkit.github.FakeComment;
import dev.aegis.testkit.github.FakeIssue;
import dev.aegis.testkit.github.Fault;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Writes GitHub does not treat as idempotent (a comment, a branch, a pull request) whose answer was lost are
 * resolved by reading: the write that happened is found and used, the one that did not is made once.
 */
class GitHubLostAnswersTest {
  private static final String COMMENTS = "/repos/octo-org/app/issues/\\d+/comments";
  private static final String REFS = "/repos/octo-org/app/git/refs";
  private static final String PULLS = "/repos/octo-org/app/pulls";

  private final GitHubFixture gh = new GitHubFixture();
  private Tracker tracker;
  private CodeHost host;
  private IssueKey key;
  private String main;

  @BeforeEach
  void connect() {
    GitHubConnection connection = gh.connect(gh.settings().withRetry(RetryPolicy.DEFAULT.withTimeout(Duration.ofMillis(1500))));
    tracker = connection.tracker();
    host = connection.codeHost();
    key = IssueKey.github(gh.repo.addIssue("Bug", "body", "alice", "bug"));
    main = gh.repo.branchHead("main").orElseThrow();
    tracker.comments(key); // the first request loads the fake's contract, slower than the short timeout
  }

  @AfterEach
  void contractHeldAndClose() {
    gh.close();
  }

  private List<String> bodies() {
    return gh.repo.comments(key.number()).stream().map(FakeComment::body).map(LostAnswers::withoutMarker).toList();
  }

  @Test
  void aCommentCreatedWhoseAnswerWasA502IsFoundNotPostedTwice() {
    gh.fake.failNth("POST", COMMENTS, 1, Fault.When.AFTER, Fault.badGateway());

    IssueComment posted = tracker.addComment(key, "status");

    assertThat(bodies()).containsExactly("status");
    assertThat(posted.id()).isEqualTo(Long.toString(gh.repo.comments(key.number()).get(0).id()));
    assertThat(posted.body()).isEqualTo("status");
  }

  @Test
  void aCommentCreatedWhoseAnswerTimedOutIsFoundNotPostedTwice() {
    gh.fake.failNth("POST", COMMENTS, 1, Fault.When.AFTER, Fault.timeout(Duration.ofSeconds(3)));

    tracker.addComment(key, "status");

    assertThat(bodies()).containsExactly("status");
  }

  @Test
  void aCommentCreatedWhoseConnectionDroppedIsFoundNotPostedTwice() {
    gh.fake.failNth("POST", COMMENTS, 1, Fault.When.AFTER, Fault.reset());

    tracker.addComment(key, "status");

    assertThat(bodies()).containsExactly("status");
  }

  @Test
  void aCommentGitHubNeverReceivedIsPostedAgainOnce() {
    gh.fake.failNth("POST", COMMENTS, 1, Fault.When.BEFORE, Fault.reset());

    tracker.addComment(key, "status");

    assertThat(bodies()).containsExactly("status");
    assertThat(gh.sleeps).containsExactly(Duration.ofSeconds(1));
  }

  @Test
  void anIdenticalEarlierCommentIsNotMistakenForTheLostOne() {
    tracker.addComment(key, "same words");
    gh.fake.failNth("POST", COMMENTS, 1, Fault.When.BEFORE, Fault.serverError());

    tracker.addComment(key, "same words");

    assertThat(bodies()).containsExactly("same words", "same words");
  }

  @Test
  void aRateLimitedCommentIsLookedForThenPostedOnceAfterTheWaitGitHubAsksFor() {
    gh.fake.failNth("POST", COMMENTS, 1, Fault.When.BEFORE, Fault.tooManyRequests(Duration.ofSeconds(7)));

    tracker.addComment(key, "status");

    assertThat(bodies()).containsExactly("status");
    assertThat(gh.sleeps).containsExactly(Duration.ofSeconds(7));
  }

  @Test
  void aCommentStoredButAnswered429IsFoundNotPostedTwice() {
    gh.fake.failNth("POST", COMMENTS, 1, Fault.When.AFTER, Fault.tooManyRequests(Duration.ofSeconds(7)));

    tracker.addComment(key, "status");

    assertThat(bodies()).containsExactly("status");
    assertThat(gh.sleeps).isEmpty();
  }

  @Test
  void aBranchCreatedButAnsweredWithASecondaryLimitIsFoundAtItsClaimCommit() {
    gh.fake.failNth("POST", REFS, 1, Fault.When.AFTER, Fault.secondaryRateLimit(Duration.ofSeconds(5)));

    assertThat(host.createBranch("aegis/1-x", main)).isTrue();
    assertThat(gh.sleeps).isEmpty();
  }

  @Test
  void theWriteMarkerIsHiddenFromReadersOfTheComment() {
    tracker.addComment(key, "status");

    assertThat(gh.repo.comments(key.number()).get(0).body()).startsWith("status").contains("<!-- aegis:write ");
    assertThat(tracker.comments(key)).extracting(IssueComment::body).containsExactly("status");
  }

  @Test
  void aCommentThatFailsForGoodSaysWhatFailed() {
    gh.fake.failNext("POST", "/repos/{owner}/{repo}/issues/{issue_number}/comments", 9, Fault.serviceUnavailable());

    assertThatThrownBy(() -> tracker.addComment(key, "status")).isInstanceOfSatisfying(TrackerException.class,
        e -> assertThat(e.getMessage()).contains("GitHub failed while commenting on").contains("503"));
    assertThat(bodies()).isEmpty();
  }

  @Test
  void aBranchCreatedWhoseAnswerTimedOutIsFoundAtItsClaimCommit() {
    gh.fake.failNth("POST", REFS, 1, Fault.When.AFTER, Fault.timeout(Duration.ofSeconds(3)));

    assertThat(host.createBranch("aegis/1-x", main)).isTrue();
    assertThat(host.branchHead("aegis/1-x")).contains(main);
  }

  @Test
  void aBranchCreatedWhoseConnectionDroppedIsFoundAtItsClaimCommit() {
    gh.fake.failNth("POST", REFS, 1, Fault.When.AFTER, Fault.reset());

    assertThat(host.createBranch("aegis/1-x", main)).isTrue();
  }

  @Test
  void aBranchAnotherRunCreatedIsNotTakenForOursWhenOurAnswerIsLost() {
    String rival = gh.repo.newCommit(main, "another run's claim");
    gh.connect().codeHost().createBranch("aegis/1-x", rival);
    gh.fake.failNth("POST", REFS, 1, Fault.When.BEFORE, Fault.reset());

    assertThat(host.createBranch("aegis/1-x", main)).isFalse();
    assertThat(host.branchHead("aegis/1-x")).contains(rival);
  }

  @Test
  void aPullRequestOpenedWhoseAnswerWasLostIsFoundByItsHeadAndLabelled() {
    host.createBranch("aegis/5-fix", gh.repo.newCommit(main, "fix"));
    gh.fake.failNth("POST", PULLS, 1, Fault.When.AFTER, Fault.badGateway());

    PullRequest pr = host.createPullRequest(new PullRequestDraft("Fix", "Fixes #5", "aegis/5-fix", "main",
        List.of("aegis")));

    assertThat(gh.repo.issues()).filteredOn(FakeIssue::pullRequest).hasSize(1);
    assertThat(gh.repo.issue(pr.number()).orElseThrow().labels()).containsExactly("aegis");
  }
}
