package dev.aegis.core.flow;

import static dev.aegis.core.flow.FakeEngines.calcPlan;
import static dev.aegis.core.flow.FakeEngines.fixingCalc;
import static dev.aegis.core.flow.FakeEngines.planning;
import static org.assertj.core.api.Assertions.assertThat;

import dev.aegis.core.agent.Risk;
import dev.aegis.core.tracker.IssueComment;
import dev.aegis.core.tracker.Phase;
import dev.aegis.core.tracker.github.GitHubConnection;
import dev.aegis.core.tracker.github.GitHubSettings;
import dev.aegis.testkit.github.FakeGitHub;
import dev.aegis.testkit.github.FakeIssue;
import dev.aegis.testkit.github.FakeRepository;
import dev.aegis.testkit.github.Role;
import java.net.URI;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The pull request is refused by GitHub's repository setting "Allow GitHub Actions to create and approve pull
 * requests" (off): branches and pull requests go through the real GitHub adapter to the fake GitHub, which serves
 * the world's {@code origin} and answers {@code POST /pulls} by the Actions token with GitHub's 403.
 */
class PullRequestRefusedTest {
  @TempDir Path tmp;
  private FlowWorld world;
  private FakeGitHub fake;
  private FakeRepository repo;
  private GitHubConnection github;
  private String run;

  @BeforeEach
  void plannedOnGitHub() {
    world = FlowWorld.create(tmp);
    fake = FakeGitHub.start();
    repo = fake.adoptRepository("acme/calc", world.origin);
    String token = fake.newToken(FakeGitHub.ACTIONS_BOT);
    repo.setPermission(FakeGitHub.ACTIONS_BOT, Role.WRITE);
    repo.setActionsMayCreatePullRequests(false);
    github = GitHubConnection.open(GitHubSettings.of("acme/calc", token).withApiUrl(URI.create(fake.apiUrl())));
    world.codeHost = github.codeHost();
    world.engines.then(planning(calcPlan(Risk.LOW)));
    world.claimAndPlan();
    run = world.state().runId();
  }

  @AfterEach
  void close() {
    try {
      fake.assertNoContractViolations();
    } finally {
      github.close();
      fake.close();
    }
  }

  private List<FakeIssue> pulls() {
    return repo.issues().stream().filter(FakeIssue::pullRequest).toList();
  }

  @Test
  void theRunEndsBlockedWithTheSettingToChangeAndTheBranchNamedAndTheFixPushed() {
    world.engines.then(fixingCalc());

    FlowResult result = world.comment("maya", "/aegis proceed " + run);

    assertThat(result.status()).isEqualTo(FlowResult.Status.BLOCKED);
    assertThat(world.state().phase()).isEqualTo(Phase.BLOCKED);
    assertThat(world.aegisLabels()).containsExactly("aegis:blocked");
    assertThat(world.statusText()).contains("GitHub Actions is not permitted to create or approve pull requests.",
        "Settings > Actions > General > Workflow permissions", "Allow GitHub Actions to create and approve pull requests",
        "is pushed to `" + FlowWorld.BRANCH + "`", "re-run the job", "`/aegis proceed " + run + "`")
        .doesNotContain("the token needs");
    assertThat(world.originDiff()).isEqualTo("src/calc.sh");
    assertThat(pulls()).isEmpty();
  }

  @Test
  void reRunningTheApprovalsJobOpensThePullRequestFromThePushedBranchWithoutRedoingTheFix() {
    world.engines.then(fixingCalc());
    IssueComment approval = world.post("maya", "/aegis proceed " + run);
    world.deliver(approval);
    String pushed = world.originHead().orElseThrow();
    repo.setActionsMayCreatePullRequests(true);

    FlowResult rerun = world.deliver(approval);

    assertThat(rerun.status()).isEqualTo(FlowResult.Status.PR_OPENED);
    assertThat(world.engines.tasks()).hasSize(2); // the plan and the one fix: no second agent run
    assertThat(world.originHead()).contains(pushed);
    assertThat(pulls()).singleElement().satisfies(pr -> {
      assertThat(pr.author()).isEqualTo(FakeGitHub.ACTIONS_BOT);
      assertThat(pr.body()).startsWith("Fixes #42").contains("approved by @\u200Bmaya");
    });
    assertThat(world.state().phase()).isEqualTo(Phase.PR_OPENED);
    assertThat(world.aegisLabels()).containsExactly("aegis:pr-opened");
    assertThat(world.statusComments()).hasSize(1);
  }

  @Test
  void aNewApprovalAfterTheSettingChangedOpensThePullRequestToo() {
    world.engines.then(fixingCalc());
    world.comment("maya", "/aegis proceed " + run);
    repo.setActionsMayCreatePullRequests(true);

    FlowResult again = world.comment("maya", "/aegis proceed " + run);

    assertThat(again.status()).isEqualTo(FlowResult.Status.PR_OPENED);
    assertThat(world.engines.tasks()).hasSize(2);
    assertThat(pulls()).hasSize(1);
  }

  @Test
  void whileTheSettingIsStillOffARerunEndsBlockedAgainAndOpensNothing() {
    world.engines.then(fixingCalc());
    IssueComment approval = world.post("maya", "/aegis proceed " + run);
    world.deliver(approval);

    FlowResult rerun = world.deliver(approval);

    assertThat(rerun.status()).isEqualTo(FlowResult.Status.BLOCKED);
    assertThat(world.statusText()).contains("Allow GitHub Actions to create and approve pull requests");
    assertThat(world.engines.tasks()).hasSize(2);
    assertThat(pulls()).isEmpty();
  }

  @Test
  void aTokenWithoutPullRequestsWriteEndsTheRunBlockedWithTheBranchNamedInsteadOfImplementingForever() {
    repo.setActionsMayCreatePullRequests(true);
    fake.failNext("POST", "/repos/{owner}/{repo}/pulls", 1,
        dev.aegis.testkit.github.Fault.status(403, "Resource not accessible by integration"));
    world.engines.then(fixingCalc());

    FlowResult result = world.comment("maya", "/aegis proceed " + run);

    assertThat(result.status()).isEqualTo(FlowResult.Status.BLOCKED);
    assertThat(world.state().phase()).isEqualTo(Phase.BLOCKED);
    assertThat(world.statusText()).contains("Resource not accessible by integration", "Pull requests: write",
        "is pushed to `" + FlowWorld.BRANCH + "`");

    FlowResult again = world.comment("maya", "/aegis proceed " + run);

    assertThat(again.status()).isEqualTo(FlowResult.Status.PR_OPENED);
    assertThat(world.engines.tasks()).hasSize(2);
  }

  @Test
  void aServerErrorWhileOpeningThePullRequestLeavesTheRunImplementingForALaterJobToResume() {
    repo.setActionsMayCreatePullRequests(true);
    fake.failNext("POST", "/repos/{owner}/{repo}/pulls", 5, dev.aegis.testkit.github.Fault.serverError());
    world.engines.then(fixingCalc());

    org.assertj.core.api.Assertions.assertThatThrownBy(() -> world.comment("maya", "/aegis proceed " + run))
        .isInstanceOf(dev.aegis.core.tracker.TrackerException.class);

    assertThat(world.state().phase()).isEqualTo(Phase.IN_PROGRESS);
    assertThat(world.state().fact("stage")).contains("implementing");
  }

  @Test
  void reRunningTheIssuesJobOpensThePullRequestFromThePushedBranchAsInAutoMode() {
    world.engines.then(fixingCalc());
    world.comment("maya", "/aegis proceed " + run);
    repo.setActionsMayCreatePullRequests(true);

    FlowResult converged = world.flow().converge(FlowWorld.KEY).orElseThrow();

    assertThat(converged.status()).isEqualTo(FlowResult.Status.PR_OPENED);
    assertThat(world.engines.tasks()).hasSize(2);
    assertThat(pulls()).singleElement().satisfies(pr -> assertThat(pr.body()).contains("approved by @\u200Bmaya"));
  }
}
