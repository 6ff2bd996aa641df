package dev.aegis.core.tracker.github;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.aegis.core.tracker.Issue;
import dev.aegis.core.tracker.IssueKey;
import dev.aegis.core.tracker.Phase;
import dev.aegis.core.tracker.TrackerException;
import dev.aegis.testkit.github.Fault;
import dev.aegis.testkit.github.RecordedRequest;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Finding ready bugs: server-side filters, one request per 100, ETag revalidation, retries and limits. */
class GitHubTrackerScanTest {
  private static final String LISTING = "/repos/{owner}/{repo}/issues";
  private static final String READY = "ready to implement";

  private final GitHubFixture gh = new GitHubFixture();

  @AfterEach
  void contractHeldAndClose() {
    gh.close();
  }

  @Test
  void readyListingIsFilteredServerSideAndCostsOneRequestPerHundred() {
    for (int i = 0; i < 250; i++) {
      gh.repo.addIssue("Ready bug " + i, "body", "alice", "bug", READY);
      gh.repo.addIssue("Plain bug " + i, "body", "alice", "bug");
    }
    gh.repo.addIssue("Ready feature", "body", "alice", READY);

    List<Issue> ready = gh.connect().tracker().readyIssues();

    assertThat(ready).hasSize(250).allSatisfy(i -> assertThat(i.hasLabel(READY)).isTrue());
    assertThat(ready).extracting(i -> i.key().number()).isSorted();
    assertThat(gh.fake.count("GET", LISTING)).isEqualTo(3);
    assertThat(gh.fake.requests("GET", LISTING)).allSatisfy(r -> assertThat(URLDecoder.decode(r.query(), UTF_8))
        .contains("state=open", "labels=bug,ready to implement", "per_page=100", "direction=asc"));
    assertThat(gh.fake.requests()).extracting(RecordedRequest::route)
        .containsOnly("/repos/{owner}/{repo}", LISTING);
  }

  @Test
  void secondScanIsServedFromEtagCache(@TempDir Path cache) {
    for (int i = 0; i < 120; i++) {
      gh.repo.addIssue("Ready bug " + i, "body", "alice", "bug", READY);
    }
    var tracker = gh.connectWithCache(cache).tracker();
    List<Issue> first = tracker.readyIssues();
    int remainingAfterFirst = gh.fake.rateLimitRemaining("github-actions[bot]");
    gh.fake.clearRequests();

    List<Issue> second = tracker.readyIssues();

    assertThat(second).isEqualTo(first);
    assertThat(gh.fake.requests("GET", LISTING)).hasSize(2).extracting(RecordedRequest::status).containsOnly(304);
    assertThat(gh.fake.rateLimitRemaining("github-actions[bot]")).isEqualTo(remainingAfterFirst);
  }

  @Test
  void changedListingIsFetchedAgainDespiteTheCache(@TempDir Path cache) {
    gh.repo.addIssue("Ready bug", "body", "alice", "bug", READY);
    var tracker = gh.connectWithCache(cache).tracker();
    tracker.readyIssues();

    gh.repo.addIssue("Another ready bug", "body", "bob", "bug", READY);

    assertThat(tracker.readyIssues()).hasSize(2);
  }

  @Test
  void commentReadsAreRevalidatedWithEtagToo(@TempDir Path cache) {
    int n = gh.repo.addIssue("Bug", "body", "alice", "bug");
    gh.repo.addComment(n, "alice", "first");
    var tracker = gh.connectWithCache(cache).tracker();
    tracker.comments(IssueKey.github(n));
    gh.fake.clearRequests();

    assertThat(tracker.comments(IssueKey.github(n))).hasSize(1);
    gh.repo.addComment(n, "bob", "second");
    assertThat(tracker.comments(IssueKey.github(n))).hasSize(2);

    assertThat(gh.fake.requests("GET", "/repos/{owner}/{repo}/issues/{issue_number}/comments"))
        .extracting(RecordedRequest::status).containsExactly(304, 200);
  }

  @Test
  void pullRequestsAreNeverReadyIssues() {
    int issue = gh.repo.addIssue("Ready bug", "body", "alice", "bug", READY);
    int pr = gh.repo.addPullRequest("Fix it", "fix-branch", "bob", "bug", READY);

    var tracker = gh.connect().tracker();

    assertThat(tracker.readyIssues()).extracting(i -> i.key().number()).containsExactly(issue);
    assertThat(tracker.issue(IssueKey.github(pr))).isEmpty();
  }

  @Test
  void issuesInPhaseAreListedByTheirLabel() {
    int claimed = gh.repo.addIssue("Claimed", "body", "alice", "bug", Phase.IN_PROGRESS.label());
    gh.repo.addIssue("Blocked", "body", "alice", "bug", Phase.BLOCKED.label());

    assertThat(gh.connect().tracker().issuesIn(Phase.IN_PROGRESS))
        .extracting(i -> i.key().number()).containsExactly(claimed);
    assertThatThrownBy(() -> gh.connect().tracker().issuesIn(Phase.NONE))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void serverErrorsAreRetriedWithBackoffThenSucceed() {
    gh.repo.addIssue("Ready bug", "body", "alice", "bug", READY);
    gh.fake.failNext("GET", LISTING, 2, Fault.serverError());

    assertThat(gh.connect().tracker().readyIssues()).hasSize(1);
    assertThat(gh.sleeps).containsExactly(Duration.ofSeconds(1), Duration.ofSeconds(2));
    assertThat(gh.fake.count("GET", LISTING)).isEqualTo(3);
  }

  @Test
  void persistentServerErrorGivesUpAfterTheLastAttempt() {
    gh.fake.failNext("GET", LISTING, 5, Fault.badGateway());

    assertThatThrownBy(() -> gh.connect().tracker().readyIssues())
        .isInstanceOfSatisfying(TrackerException.class, e -> {
          assertThat(e.status()).isEqualTo(502);
          assertThat(e.getMessage()).contains("GitHub failed while listing open issues");
        });
    assertThat(gh.fake.count("GET", LISTING)).isEqualTo(GitHubSettings.RetryPolicy.DEFAULT.maxAttempts());
  }

  @Test
  void shortSecondaryRateLimitIsWaitedOut() {
    gh.repo.addIssue("Ready bug", "body", "alice", "bug", READY);
    gh.fake.failNext("GET", LISTING, 1, Fault.tooManyRequests(Duration.ofSeconds(5)));

    assertThat(gh.connect().tracker().readyIssues()).hasSize(1);
    assertThat(gh.sleeps).containsExactly(Duration.ofSeconds(5));
  }

  @Test
  void longPrimaryRateLimitFailsAtOnceWithRetryAfter() {
    gh.fake.failNext("GET", LISTING, 1, Fault.rateLimited(Duration.ofMinutes(40)));

    assertThatThrownBy(() -> gh.connect().tracker().readyIssues())
        .isInstanceOfSatisfying(TrackerException.class, e -> {
          assertThat(e.rateLimited()).isTrue();
          assertThat(e.status()).isEqualTo(403);
          assertThat(e.retryAfter()).contains(Duration.ofMinutes(40));
          assertThat(e.url()).contains("/repos/octo-org/app/issues");
        });
    assertThat(gh.sleeps).isEmpty();
    assertThat(gh.fake.count("GET", LISTING)).isEqualTo(1);
  }

  @Test
  void longSecondaryRateLimitOnAWriteFailsWithRetryAfter() {
    int n = gh.repo.addIssue("Bug", "body", "alice", "bug");
    gh.fake.failNext("POST", "/repos/{owner}/{repo}/issues/{issue_number}/comments", 1,
        Fault.secondaryRateLimit(Duration.ofMinutes(2)));

    assertThatThrownBy(() -> gh.connect().tracker().addComment(IssueKey.github(n), "hello"))
        .isInstanceOfSatisfying(TrackerException.class, e -> {
          assertThat(e.rateLimited()).isTrue();
          assertThat(e.retryAfter()).contains(Duration.ofMinutes(2));
        });
    assertThat(gh.repo.comments(n)).isEmpty();
  }

  @Test
  void refusedTokenSaysSoWithoutShowingIt() {
    GitHubSettings wrong = GitHubSettings.of(GitHubFixture.REPO, "ghp_wrong-secret-value")
        .withApiUrl(URI.create(gh.fake.apiUrl()));

    assertThatThrownBy(() -> gh.connect(wrong).tracker().readyIssues())
        .isInstanceOfSatisfying(TrackerException.class, e -> {
          assertThat(e.unauthorized()).isTrue();
          assertThat(e.getMessage()).startsWith("GITHUB_TOKEN was refused: Bad credentials")
              .doesNotContain("wrong-secret-value");
        });
  }

  @Test
  void enterpriseServerApiPathIsUsed() {
    gh.repo.addIssue("Ready bug", "body", "alice", "bug", READY);
    GitHubSettings ghes = gh.settings().withApiUrl(URI.create(gh.fake.enterpriseApiUrl()));

    GitHubConnection connection = gh.connect(ghes);
    assertThat(connection.tracker().readyIssues()).hasSize(1);
    String main = connection.codeHost().branchHead("main").orElseThrow();
    assertThat(connection.codeHost().createBranch("aegis/1-x", main)).isTrue();

    assertThat(gh.fake.requests()).isNotEmpty().allSatisfy(r -> assertThat(r.prefix()).isEqualTo("/api/v3"));
  }
}
