package dev.aegis.cli.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.aegis.testkit.github.FakeComment;
import dev.aegis.testkit.github.FakeGitHub;
import dev.aegis.testkit.github.FakeRepository;
import dev.aegis.testkit.github.RecordedRequest;
import dev.aegis.testkit.github.Role;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code aegis action} end to end: the built fat jar runs as its own process in a GitHub Actions job's
 * environment, against a stateful fake GitHub, and each case checks what the fake holds and what it was asked,
 * not only what the process printed. One fake serves the class; each test gets a repository of its own.
 */
class ActionJarIT {
  static final String READY = "ready to implement";
  static final String TITLE = "Cart total ignores the SAVE10 code";
  static final String BRANCH = "aegis/1-cart-total-ignores-the-save10-code";
  static final String RICH_BODY = """
      What happens: `total 2000 SAVE10` in src/cart.sh prints 2000, so the discount is ignored.
      Expected: it should print 1800, as `total 2000 save10` does.

      Steps to reproduce:
      1. . ./src/cart.sh
      2. total 2000 SAVE10
      """;
  /** The values a model script echoes back (see plan-echoing-secrets.json), as a careless model might. */
  static final String TOKEN = "ghs_E2eTokenThatMustNeverLeak0123456789";
  static final String MODEL_KEY = "sk-e2e-model-key-that-must-never-leak";
  private static final AtomicInteger REPOSITORIES = new AtomicInteger();

  static FakeGitHub fake;
  static String model;

  @TempDir Path dir;
  FakeRepository repo;
  Observed on;

  @BeforeAll
  static void startFake() throws URISyntaxException {
    fake = FakeGitHub.start();
    fake.addToken(TOKEN, FakeGitHub.ACTIONS_BOT);
    // Planning runs after every claim: a one-step script keeps it fast and offline.
    model = script("plan-at-once.json");
  }

  @AfterAll
  static void stopFake() {
    try {
      fake.assertNoContractViolations();
    } finally {
      fake.close();
    }
  }

  @BeforeEach
  void freshRepository() {
    repo = fake.createRepository("octo-org/shop-" + REPOSITORIES.incrementAndGet());
    repo.setPermission(FakeGitHub.ACTIONS_BOT, Role.WRITE);
    on = new Observed(fake, repo, dir);
  }

  @Test
  void aLabelledReadyBugIsClaimedVisiblyAndPlannedWithoutLeakingSecrets() throws URISyntaxException {
    ActionsJob job = job().env("AEGIS_MODEL", script("plan-echoing-secrets.json")).env("OPENAI_API_KEY", MODEL_KEY)
        .event("issues", seed(Payloads.labeled(repo, TITLE, RICH_BODY, "bug", READY)));

    AegisProcess.Result r = job.run();

    assertThat(r.exit()).as(r.toString()).isZero();
    Map<String, String> outputs = job.outputs();
    String runId = outputs.get("run-id");
    assertThat(runId).as(outputs.toString()).matches("1-[a-z0-9]+");
    assertThat(outputs.get("decision")).startsWith("github:#1 claimed - run " + runId + "\n")
        .contains("github:#1 awaiting approval - run " + runId);

    assertThat(on.aegisBranches()).as("the run's branch, the claim's lock").containsExactly("refs/heads/" + BRANCH);
    assertThat(on.tipMessage(BRANCH)).contains("Aegis-Run: " + runId);
    List<FakeComment> status = on.statusComments(1);
    assertThat(status).hasSize(1);
    JsonNode state = Observed.stateOf(status.get(0));
    assertThat(state.path("run").asText()).isEqualTo(runId);
    assertThat(state.path("branch").asText()).isEqualTo(BRANCH);
    assertThat(state.path("phase").asText()).isEqualTo("AWAITING_APPROVAL");
    assertThat(status.get(0).body()).contains("/aegis proceed " + runId);
    assertThat(repo.comments(1)).as("no other comment").hasSize(1);
    assertThat(on.aegisLabels(1)).containsExactly("aegis:awaiting-approval");
    assertThat(on.writes()).extracting(q -> q.method() + " " + q.route())
        .contains("POST /repos/{owner}/{repo}/git/refs", "POST /repos/{owner}/{repo}/issues/{issue_number}/labels");

    assertThat(job.summary()).startsWith("### Aegis").contains("| Issue | Decision | Detail |", runId)
        .doesNotContain("<!--", "::");
    assertThat(r.out()).contains("::add-mask::" + TOKEN, "::add-mask::" + MODEL_KEY, "::group::", "::endgroup::");
    assertThat(withoutMaskCommands(r.out()) + r.err() + job.files()).as("what the runner shows and keeps")
        .contains("SAVE10").doesNotContain(TOKEN, MODEL_KEY);
    assertThat(status.get(0).body()).contains("SAVE10 is matched case-sensitively").doesNotContain(TOKEN, MODEL_KEY);
    fake.assertNoContractViolations();
  }

  @Test
  void theSameEventDeliveredAgainWritesNothing() {
    JsonNode event = seed(Payloads.labeled(repo, TITLE, RICH_BODY, "bug", READY));
    assertThat(job().event("issues", event).run().exit()).isZero();
    List<FakeComment> comments = repo.comments(1);
    String head = repo.branchHead(BRANCH).orElseThrow();
    List<String> labels = repo.issue(1).orElseThrow().labels();
    int writes = on.writes().size();

    // A redelivery is a new workflow run, here on a fresh runner (no HTTP cache).
    ActionsJob again = job().event("issues", event);
    AegisProcess.Result r = again.run();

    assertThat(r.exit()).as(r.toString()).isZero();
    assertThat(on.writes()).as("writes since the first delivery").hasSize(writes);
    assertThat(repo.comments(1)).isEqualTo(comments);
    assertThat(repo.branchHead(BRANCH)).contains(head);
    assertThat(on.aegisBranches()).containsExactly("refs/heads/" + BRANCH);
    assertThat(repo.issue(1).orElseThrow().labels()).isEqualTo(labels);
    assertThat(again.outputs().get("decision")).isEqualTo("github:#1 skipped - already claimed");
  }

  @Test
  void aThinReportGetsExactlyOneQuestionEvenWhenDeliveredTwice() {
    ActionsJob job = job().event("issues", seed(Payloads.labeled(repo, "Broken", "pls fix", "bug", READY)));

    AegisProcess.Result first = job.run();

    assertThat(first.exit()).as(first.toString()).isZero();
    assertThat(repo.comments(1)).singleElement().satisfies(c -> {
      assertThat(c.author()).isEqualTo(FakeGitHub.ACTIONS_BOT);
      assertThat(c.body()).contains("What exactly happens").doesNotContain("aegis:state");
    });
    assertThat(on.aegisLabels(1)).containsExactly("aegis:needs-info");
    assertThat(on.aegisBranches()).as("no claim for a thin report").isEmpty();
    assertThat(job.outputs()).doesNotContainKey("run-id");
    assertThat(job.outputs().get("decision")).startsWith("github:#1 needs info - What exactly happens");
    int writes = on.writes().size();

    // The same runner again (a self-hosted one keeps its HTTP cache, so the reads revalidate).
    AegisProcess.Result second = job.run();

    assertThat(second.exit()).as(second.toString()).isZero();
    assertThat(repo.comments(1)).hasSize(1);
    assertThat(on.writes()).as("writes since the first delivery").hasSize(writes);
    assertThat(job.outputs().get("decision")).as("both deliveries' outputs")
        .contains("github:#1 needs info - What exactly happens");
  }

  @Test
  void twoJobsRacingForOneIssueMakeExactlyOneClaim() throws InterruptedException {
    seed(Payloads.labeled(repo, TITLE, RICH_BODY, "bug", READY));
    // Both jobs are held just before they write their claim commit, when both have seen that the branch does
    // not exist; released together, both try to create it, and the ref creation alone decides.
    try (HoldingProxy proxy = HoldingProxy.holding(fake.apiUrl(), "POST", "/repos/" + repo.fullName() + "/git/commits")) {
      ActionsJob a = job().env("GITHUB_API_URL", proxy.url())
          .event("issues", Payloads.labeled(repo, TITLE, RICH_BODY, "bug", READY));
      // Two jobs at once on one self-hosted runner share its home, and so its HTTP cache directory.
      ActionsJob b = job().env("GITHUB_API_URL", proxy.url()).env("HOME", a.home().toString())
          .event("issues", Payloads.labeled(repo, TITLE, RICH_BODY, "bug", READY));

      AegisProcess.Running runningA = a.action().start();
      AegisProcess.Running runningB = b.action().start();
      boolean bothAtTheClaim = proxy.awaitHeld(2, Duration.ofSeconds(30));
      proxy.release();
      AegisProcess.Result resultA = runningA.await();
      AegisProcess.Result resultB = runningB.await();

      assertThat(bothAtTheClaim).as("both jobs reached the claim\n%s\n%s", resultA, resultB).isTrue();
      assertThat(resultA.exit()).as(resultA.toString()).isZero();
      assertThat(resultB.exit()).as(resultB.toString()).isZero();
      assertThat(on.writes()).filteredOn(w -> w.is("POST", "/repos/{owner}/{repo}/git/refs"))
          .extracting(RecordedRequest::status).containsExactlyInAnyOrder(201, 422);
      List<FakeComment> status = on.statusComments(1);
      assertThat(status).hasSize(1);
      String winner = Observed.stateOf(status.get(0)).path("run").asText();
      assertThat(List.of(a.outputs().get("decision"), b.outputs().get("decision")))
          .as("one job claims, the other stands aside")
          .anySatisfy(d -> assertThat(d).startsWith("github:#1 claimed - run " + winner))
          .anySatisfy(d -> assertThat(d).isEqualTo("github:#1 skipped - already claimed (run " + winner + ")"));
      assertThat(on.aegisBranches()).containsExactly("refs/heads/" + BRANCH);
      assertThat(on.tipMessage(BRANCH)).contains("Aegis-Run: " + winner);
    }
  }

  @Test
  void aJobKilledRightAfterWinningTheBranchIsAdoptedOnlyOnceTheGracePeriodIsOver() throws InterruptedException {
    JsonNode event = seed(Payloads.labeled(repo, TITLE, RICH_BODY, "bug", READY));
    try (HoldingProxy proxy = HoldingProxy.holding(fake.apiUrl(), "POST",
        "/repos/" + repo.fullName() + "/issues/1/comments")) {
      AegisProcess.Running crashing = job().env("GITHUB_API_URL", proxy.url()).event("issues", event).action().start();
      assertThat(proxy.awaitHeld(1, Duration.ofSeconds(30))).as("the job reached its status comment").isTrue();
      crashing.kill();
    }
    assertThat(on.aegisBranches()).as("the crash left the claim's branch").containsExactly("refs/heads/" + BRANCH);
    assertThat(repo.comments(1)).as("and no status comment").isEmpty();
    Matcher trailer = Pattern.compile("Aegis-Run: (\\S+)").matcher(on.tipMessage(BRANCH));
    assertThat(trailer.find()).isTrue();
    String orphan = trailer.group(1);
    int writes = on.writes().size();

    ActionsJob soon = job().event("issues", event);
    AegisProcess.Result within = soon.run();

    assertThat(within.exit()).as(within.toString()).isZero();
    assertThat(soon.outputs().get("decision")).isEqualTo("github:#1 skipped - claim in flight (run " + orphan + ")");
    assertThat(on.writes()).as("writes within the grace period").hasSize(writes);

    ActionsJob later = job().env("AEGIS_CLAIM_GRACE_SECONDS", "0").event("issues", event);
    AegisProcess.Result after = later.run();

    assertThat(after.exit()).as(after.toString()).isZero();
    assertThat(later.outputs().get("decision"))
        .startsWith("github:#1 claimed - run " + orphan + " (adopted an interrupted claim)");
    assertThat(on.statusComments(1)).singleElement()
        .satisfies(c -> assertThat(Observed.stateOf(c).path("run").asText()).isEqualTo(orphan));
    assertThat(on.aegisBranches()).containsExactly("refs/heads/" + BRANCH);
    assertThat(on.tipMessage(BRANCH)).startsWith("aegis: adopt github:#1").contains("Aegis-Run: " + orphan);
    assertThat(on.aegisLabels(1)).containsExactly("aegis:awaiting-approval");
  }

  @Test
  void aJobKilledBetweenPostingItsPlanAndMovingTheLabelKeepsItsPlanThroughRecovery() throws InterruptedException {
    JsonNode event = seed(Payloads.labeled(repo, TITLE, RICH_BODY, "bug", READY));
    // Moving to awaiting approval adds that label, then removes aegis:in-progress: the job dies in between.
    try (HoldingProxy proxy = HoldingProxy.holding(fake.apiUrl(), "DELETE",
        "/repos/" + repo.fullName() + "/issues/1/labels/aegis:in-progress")) {
      AegisProcess.Running crashing = job().env("GITHUB_API_URL", proxy.url()).event("issues", event).action().start();
      assertThat(proxy.awaitHeld(1, Duration.ofSeconds(30))).as("the job reached its last label change").isTrue();
      crashing.kill();
    }
    FakeComment plan = on.statusComments(1).get(0);
    assertThat(Observed.stateOf(plan).path("phase").asText()).isEqualTo("AWAITING_APPROVAL");
    assertThat(on.aegisLabels(1)).containsExactlyInAnyOrder("aegis:in-progress", "aegis:awaiting-approval");

    // A scheduled scan long after (stale-after 0 stands in for the 20 minutes).
    ActionsJob scan = job().env("AEGIS_STALE_AFTER_MINUTES", "0").event("schedule", Payloads.of("schedule", repo));
    AegisProcess.Result r = scan.run();

    assertThat(r.exit()).as(r.toString()).isZero();
    assertThat(on.statusComments(1)).as("the plan still waits for approval").singleElement()
        .satisfies(c -> assertThat(c.body()).isEqualTo(plan.body()));
    assertThat(on.aegisLabels(1)).containsExactly("aegis:awaiting-approval");
  }

  @Test
  void aScheduledScanListsReadyIssuesOncePerHundredAndRevalidatesWithETags() {
    int ready = 150;
    for (int i = 1; i <= ready; i++) {
      repo.addIssue("Cart bug " + i, RICH_BODY, "octocat", "bug", READY);
    }
    repo.addIssue("Not marked ready", RICH_BODY, "octocat", "bug");
    ActionsJob job = job().event("schedule", Payloads.of("schedule", repo));

    AegisProcess.Result first = job.run("--dry-run");

    assertThat(first.exit()).as(first.toString()).isZero();
    List<String> decisions = job.outputs().get("decision").lines().toList();
    assertThat(decisions).hasSize(ready);
    assertThat(decisions.get(0)).isEqualTo("github:#1 would run - ready bug with enough context");
    assertThat(decisions).filteredOn(d -> d.contains(" waiting - max concurrent runs reached")).hasSize(ready - 1);
    assertThat(on.readyListings("bug", READY)).as("one listing per 100 ready issues, filtered by GitHub")
        .hasSize(2).allSatisfy(q -> assertThat(q.status()).isEqualTo(200));
    assertThat(on.requests()).as("never a request per issue")
        .noneMatch(q -> q.route().startsWith("/repos/{owner}/{repo}/issues/{issue_number}"))
        .hasSizeLessThan(10);
    assertThat(on.writes()).isEmpty();
    int listed = on.readyListings("bug", READY).size();

    AegisProcess.Result second = job.run("--dry-run");

    assertThat(second.exit()).as(second.toString()).isZero();
    List<RecordedRequest> all = on.readyListings("bug", READY);
    assertThat(all.subList(listed, all.size())).as("the same runner revalidates with its cached ETags")
        .hasSize(2).allSatisfy(q -> assertThat(q.status()).isEqualTo(304));
  }

  @Test
  void anIssueNotMarkedReadyIsLeftAlone() {
    // The fixture as GitHub sent it: labelled bug only.
    ActionsJob job = job().event("issues", seed(Payloads.of("issues.labeled", repo)));

    AegisProcess.Result r = job.run();

    assertThat(r.exit()).as(r.toString()).isZero();
    assertThat(job.outputs().get("decision")).isEqualTo("github:#1 skipped - not labelled 'bug' and '" + READY + "'");
    assertThat(on.writes()).isEmpty();
  }

  @Test
  void aDryRunDecidesAndWritesNothing() {
    ActionsJob job = job().event("issues", seed(Payloads.labeled(repo, TITLE, RICH_BODY, "bug", READY)));

    AegisProcess.Result r = job.run("--dry-run");

    assertThat(r.exit()).as(r.toString()).isZero();
    assertThat(job.outputs().get("decision")).isEqualTo("github:#1 would run - ready bug with enough context");
    assertThat(on.writes()).isEmpty();
    assertThat(on.aegisBranches()).isEmpty();
  }

  @Test
  void anEditThatAddsTheMissingContextGetsTheThinReportClaimed() {
    ActionsJob job = job().event("issues", seed(Payloads.labeled(repo, TITLE, "pls fix", "bug", READY)));
    assertThat(job.run().exit()).isZero();
    assertThat(on.aegisLabels(1)).containsExactly("aegis:needs-info");

    job.event("issues", seed(Payloads.issue("issues.edited", repo, TITLE, RICH_BODY, "bug", READY, "aegis:needs-info")));
    AegisProcess.Result r = job.run();

    assertThat(r.exit()).as(r.toString()).isZero();
    assertThat(job.outputs().get("decision")).startsWith("github:#1 claimed - run ");
    assertThat(on.aegisLabels(1)).containsExactly("aegis:awaiting-approval");
    assertThat(on.statusComments(1)).hasSize(1);
    assertThat(repo.comments(1)).as("the question and the status comment").hasSize(2);
  }

  @Test
  void aReplyWithTheMissingContextGetsTheThinReportClaimedByTheNextScan() {
    ActionsJob job = job().event("issues", seed(Payloads.labeled(repo, TITLE, "pls fix", "bug", READY)));
    assertThat(job.run().exit()).isZero();
    long reply = repo.addComment(1, "Codertocat", RICH_BODY);
    assertThat(reply).isPositive();

    AegisProcess.Result r = job.event("schedule", Payloads.of("schedule", repo)).run();

    assertThat(r.exit()).as(r.toString()).isZero();
    assertThat(job.outputs().get("decision")).startsWith("github:#1 claimed - run ");
    assertThat(on.aegisLabels(1)).containsExactly("aegis:awaiting-approval");
    assertThat(on.statusComments(1)).hasSize(1);
  }

  @Test
  void aManualScanClaimsOneReadyBugAsksTheThinOneAndLeavesTheRestWaiting() {
    int first = repo.addIssue(TITLE, RICH_BODY, "octocat", "bug", READY);
    int thin = repo.addIssue("Broken", "pls fix", "octocat", "bug", READY);
    int next = repo.addIssue("Cart total is wrong for SAVE20 too", RICH_BODY, "octocat", "bug", READY);
    ActionsJob job = job().event("workflow_dispatch", Payloads.of("workflow_dispatch", repo));

    AegisProcess.Result r = job.run();

    assertThat(r.exit()).as(r.toString()).isZero();
    assertThat(job.outputs().get("decision").lines()).containsSubsequence(
        "github:#" + first + " claimed - run " + job.outputs().get("run-id"),
        "github:#" + thin + " needs info - What exactly happens when you hit this bug? Please paste the error "
            + "message, or describe the wrong result you see, with the steps that lead to it.",
        "github:#" + next + " waiting - max concurrent runs reached (1 of 1)");
    assertThat(on.aegisLabels(first)).containsExactly("aegis:awaiting-approval");
    assertThat(on.aegisLabels(thin)).containsExactly("aegis:needs-info");
    assertThat(on.aegisLabels(next)).isEmpty();
    assertThat(on.aegisBranches()).containsExactly("refs/heads/" + BRANCH);
    assertThat(repo.comments(next)).isEmpty();
  }

  @Test
  void theActionWorksAgainstGitHubEnterpriseServer() {
    ActionsJob job = job().env("GITHUB_API_URL", fake.enterpriseApiUrl())
        .event("issues", seed(Payloads.labeled(repo, TITLE, RICH_BODY, "bug", READY)));

    AegisProcess.Result r = job.run();

    assertThat(r.exit()).as(r.toString()).isZero();
    assertThat(on.statusComments(1)).hasSize(1);
    assertThat(on.requests()).isNotEmpty().allSatisfy(q -> assertThat(q.prefix()).isEqualTo("/api/v3"));
  }

  private static String script(String name) throws URISyntaxException {
    return "scripted/" + Path.of(ActionJarIT.class.getResource(name).toURI());
  }

  private ActionsJob job() {
    return ActionsJob.on(dir, fake, repo, TOKEN, model);
  }

  /** Stores the payload's issue on the fake, as GitHub holds it when it sends the event. */
  private static JsonNode seed(JsonNode payload) {
    fake.seedFromEvent(payload);
    return payload;
  }

  static String withoutMaskCommands(String out) {
    StringBuilder kept = new StringBuilder();
    out.lines().filter(l -> !l.startsWith("::add-mask::")).forEach(l -> kept.append(l).append('\n'));
    return kept.toString();
  }
}
