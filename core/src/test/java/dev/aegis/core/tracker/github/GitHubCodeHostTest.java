package dev.aegis.core.tracker.github;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.aegis.core.repo.CodeHost;
import dev.aegis.core.repo.CommitInfo;
import dev.aegis.core.repo.PullRequest;
import dev.aegis.core.repo.PullRequestDraft;
import dev.aegis.core.repo.PullRequestRefusedException;
import dev.aegis.core.repo.RepositoryVariables;
import dev.aegis.core.tracker.TrackerException;
import dev.aegis.testkit.github.Fault;
import dev.aegis.testkit.github.FakeGitHub;
import dev.aegis.testkit.github.Role;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Branches as claims, commits, pull requests and variables against the fake's real git repository. */
class GitHubCodeHostTest {
  private final GitHubFixture gh = new GitHubFixture();
  private final CodeHost host = gh.connect().codeHost();
  private final String main = gh.repo.branchHead("main").orElseThrow();

  @AfterEach
  void contractHeldAndClose() {
    gh.close();
  }

  @Test
  void secondCreateOfTheSameBranchReturnsFalse() {
    assertThat(host.createBranch("aegis/12-crash", main)).isTrue();
    assertThat(host.createBranch("aegis/12-crash", main)).isFalse();
    assertThat(host.branchHead("aegis/12-crash")).contains(main);
  }

  @Test
  void racingClaimsFromSeparateConnectionsHaveExactlyOneWinner() throws Exception {
    ExecutorService pool = Executors.newFixedThreadPool(2);
    try {
      List<Callable<Boolean>> racers = new ArrayList<>();
      for (int i = 0; i < 2; i++) {
        CodeHost own = gh.connect().codeHost();
        racers.add(() -> own.createBranch("aegis/7-race", main));
      }
      List<Boolean> won = new ArrayList<>();
      for (Future<Boolean> result : pool.invokeAll(racers)) {
        won.add(result.get());
      }
      assertThat(won).containsExactlyInAnyOrder(true, false);
    } finally {
      pool.shutdownNow();
    }
  }

  @Test
  void fastForwardMovesOnlyFromWhereTheBranchIs() {
    host.createBranch("aegis/3-fix", main);
    String fix = gh.repo.newCommit(main, "fix");
    String rival = gh.repo.newCommit(main, "someone else's fix");
    String onTopOfRival = gh.repo.newCommit(rival, "more");

    assertThat(host.fastForward("aegis/3-fix", fix)).isTrue();
    assertThat(host.fastForward("aegis/3-fix", fix)).isTrue();
    assertThat(host.fastForward("aegis/3-fix", rival)).isFalse();
    assertThat(host.fastForward("aegis/3-fix", onTopOfRival)).isFalse();
    assertThat(host.branchHead("aegis/3-fix")).contains(fix);
  }

  @Test
  void fastForwardOfAMissingBranchFails() {
    assertThatThrownBy(() -> host.fastForward("nope", main))
        .isInstanceOfSatisfying(TrackerException.class, e -> assertThat(e.status()).isEqualTo(422));
  }

  @Test
  void createdCommitReadsBack() {
    CommitInfo base = host.commit(main);

    String sha = host.createCommit(base.tree(), List.of(main), "Fix crash on save\n\nFixes #3");
    CommitInfo created = host.commit(sha);

    assertThat(created.tree()).isEqualTo(base.tree());
    assertThat(created.parents()).containsExactly(main);
    assertThat(created.message()).isEqualTo("Fix crash on save\n\nFixes #3");
    assertThat(created.committedAt()).isEqualTo(GitHubFixture.NOW);
  }

  @Test
  void missingBranchHasNoHeadAndDeletingTwiceIsFine() {
    host.createBranch("aegis/4-x", main);

    host.deleteBranch("aegis/4-x");
    host.deleteBranch("aegis/4-x");

    assertThat(host.branchHead("aegis/4-x")).isEmpty();
    assertThat(host.defaultBranch()).isEqualTo("main");
  }

  @Test
  void pullRequestIsOpenedLabelledAndFoundAgain() {
    host.createBranch("aegis/5-fix", gh.repo.newCommit(main, "fix"));
    PullRequestDraft draft = new PullRequestDraft("Fix crash", "Fixes #5", "aegis/5-fix", "main",
        List.of("aegis", "bug"));

    PullRequest opened = host.createPullRequest(draft);
    PullRequest again = host.createPullRequest(draft);

    assertThat(opened.head()).isEqualTo("aegis/5-fix");
    assertThat(again).isEqualTo(opened);
    assertThat(host.openPullRequest("aegis/5-fix")).contains(opened);
    assertThat(host.openPullRequest("aegis/6-other")).isEmpty();
    assertThat(gh.repo.issue(opened.number()).orElseThrow().labels()).containsExactly("aegis", "bug");
  }

  @Test
  void aRepositoryThatForbidsActionsToCreatePullRequestsIsReportedAsThatSettingNotAsAMissingPermission() {
    gh.repo.setActionsMayCreatePullRequests(false);
    String head = gh.repo.newCommit(main, "fix");
    assertThat(host.createBranch("aegis/9-fix", head)).isTrue();
    PullRequestDraft draft = new PullRequestDraft("Fix", "Fixes #9", "aegis/9-fix", "main", List.of("aegis"));

    assertThatThrownBy(() -> host.createPullRequest(draft))
        .isInstanceOfSatisfying(PullRequestRefusedException.class, e -> {
          assertThat(e.status()).isEqualTo(403);
          assertThat(e.getMessage()).contains("GitHub Actions is not permitted to create or approve pull requests.")
              .doesNotContain("the token needs");
          assertThat(e.remedy()).contains("Settings > Actions > General > Workflow permissions",
              "Allow GitHub Actions to create and approve pull requests", "github-token");
        });
    assertThat(gh.repo.issues()).noneMatch(dev.aegis.testkit.github.FakeIssue::pullRequest);
  }

  @Test
  void theActionsSettingDoesNotStopAnotherTokenFromOpeningThePullRequest() {
    gh.repo.setActionsMayCreatePullRequests(false);
    gh.repo.setPermission("aegis-bot", Role.WRITE);
    String pat = gh.fake.newToken("aegis-bot");
    CodeHost asBot = gh.connect(GitHubSettings.of(GitHubFixture.REPO, pat)
        .withApiUrl(java.net.URI.create(gh.fake.apiUrl()))).codeHost();
    String head = gh.repo.newCommit(main, "fix");
    assertThat(asBot.createBranch("aegis/9-fix", head)).isTrue();

    PullRequest pr = asBot.createPullRequest(new PullRequestDraft("Fix", "Fixes #9", "aegis/9-fix", "main", List.of()));

    assertThat(gh.repo.issue(pr.number()).orElseThrow().author()).isEqualTo("aegis-bot");
  }

  @Test
  void failedBranchCreationIsNotRetriedBecauseGitHubMayHaveActed() {
    gh.fake.failNext("POST", "/repos/{owner}/{repo}/git/refs", 1, Fault.serverError());

    assertThatThrownBy(() -> host.createBranch("aegis/8-x", main))
        .isInstanceOfSatisfying(TrackerException.class, e -> assertThat(e.status()).isEqualTo(500));
    assertThat(gh.fake.count("POST", "/repos/{owner}/{repo}/git/refs")).isEqualTo(1);
    assertThat(gh.sleeps).isEmpty();
  }

  @Test
  void tokenWithoutContentsWriteIsToldWhatItNeeds() {
    gh.repo.setPermission(FakeGitHub.ACTIONS_BOT, Role.TRIAGE);

    assertThatThrownBy(() -> host.createBranch("aegis/9-x", main))
        .isInstanceOfSatisfying(TrackerException.class,
            e -> assertThat(e.getMessage()).contains("the token needs Contents: write"));
  }

  @Test
  void variablesAreCreatedThenUpdated() {
    RepositoryVariables variables = gh.connect().variables();

    assertThat(variables.get("AEGIS_MAX_CONCURRENT_RUNS")).isEmpty();
    variables.set("AEGIS_MAX_CONCURRENT_RUNS", "0");
    variables.set("AEGIS_MAX_CONCURRENT_RUNS", "2");

    assertThat(variables.get("AEGIS_MAX_CONCURRENT_RUNS")).contains("2");
    assertThat(gh.repo.variable("AEGIS_MAX_CONCURRENT_RUNS")).contains("2");
  }
}
