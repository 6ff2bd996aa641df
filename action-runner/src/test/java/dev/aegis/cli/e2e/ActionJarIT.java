package dev.aegis.cli.e2e;

import static dev.aegis.cli.e2e.SampleBug.BODY;
import static dev.aegis.cli.e2e.SampleBug.BRANCH;
import static dev.aegis.cli.e2e.SampleBug.READY;
import static dev.aegis.cli.e2e.SampleBug.THIN_BODY;
import static dev.aegis.cli.e2e.SampleBug.TITLE;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.aegis.testkit.github.FakeComment;
import dev.aegis.testkit.github.FakeGitHub;
import dev.aegis.testkit.github.RecordedRequest;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * {@code aegis action} end to end, the cases of issue 2: the built fat jar runs as its own process in a GitHub
 * Actions job's environment against a stateful fake GitHub, and each case checks what the fake holds and what
 * it was asked, not only what the process printed. One fake serves the class; each test gets a repository.
 */
class ActionJarIT extends OnFakeSite {
  /** A model key the echoing model script repeats (see plan-echoing-secrets.json). */
  static final String MODEL_KEY = "sk-e2e-model-key-that-must-never-leak";


  @Test
  void aLabelledReadyBugIsClaimedVisiblyAndPlannedWithoutLeakingSecrets() {
    ActionsJob job = job().env("AEGIS_MODEL", FakeSite.script("plan-echoing-secrets.json")).env("OPENAI_API_KEY", MODEL_KEY)
        .event("issues", site.seed(Payloads.labeled(repo, TITLE, BODY, "bug", READY)));

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
    assertThat(r.out()).contains("::add-mask::" + FakeSite.TOKEN, "::add-mask::" + MODEL_KEY, "::group::", "::endgroup::");
    assertThat(withoutMaskCommands(r.out()) + r.err() + job.files()).as("what the runner shows and keeps")
        .contains("SAVE10").doesNotContain(FakeSite.TOKEN, MODEL_KEY);
    assertThat(status.get(0).body()).contains("SAVE10 is matched case-sensitively").doesNotContain(FakeSite.TOKEN, MODEL_KEY);
    site.fake.assertNoContractViolations();
  }

  @Test
  void theSameEventDeliveredAgainWritesNothing() {
    JsonNode event = site.seed(Payloads.labeled(repo, TITLE, BODY, "bug", READY));
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
    ActionsJob job = job().event("issues", site.seed(Payloads.labeled(repo, "Broken", THIN_BODY, "bug", READY)));

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
    site.seed(Payloads.labeled(repo, TITLE, BODY, "bug", READY));
    // Both jobs are held just before they write their claim commit, when both have seen that the branch does
    // not exist; released together, both try to create it, and the ref creation alone decides.
    try (HoldingProxy proxy = HoldingProxy.holding(site.fake.apiUrl(), "POST", "/repos/" + repo.fullName() + "/git/commits")) {
      ActionsJob a = job().env("GITHUB_API_URL", proxy.url())
          .event("issues", Payloads.labeled(repo, TITLE, BODY, "bug", READY));
      // Two jobs at once on one self-hosted runner share its home, and so its HTTP cache directory.
      ActionsJob b = job().env("GITHUB_API_URL", proxy.url()).env("HOME", a.home().toString())
          .event("issues", Payloads.labeled(repo, TITLE, BODY, "bug", READY));

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
  void aScheduledScanListsReadyIssuesOncePerHundredAndRevalidatesWithETags() {
    int ready = 150;
    for (int i = 1; i <= ready; i++) {
      repo.addIssue("Cart bug " + i, BODY, "octocat", "bug", READY);
    }
    repo.addIssue("Not marked ready", BODY, "octocat", "bug");
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
    ActionsJob job = job().event("issues", site.seed(Payloads.of("issues.labeled", repo)));

    AegisProcess.Result r = job.run();

    assertThat(r.exit()).as(r.toString()).isZero();
    assertThat(job.outputs().get("decision")).isEqualTo("github:#1 skipped - not labelled 'bug' and '" + READY + "'");
    assertThat(on.writes()).isEmpty();
  }

  @Test
  void aDryRunDecidesAndWritesNothing() {
    ActionsJob job = job().event("issues", site.seed(Payloads.labeled(repo, TITLE, BODY, "bug", READY)));

    AegisProcess.Result r = job.run("--dry-run");

    assertThat(r.exit()).as(r.toString()).isZero();
    assertThat(job.outputs().get("decision")).isEqualTo("github:#1 would run - ready bug with enough context");
    assertThat(on.writes()).isEmpty();
    assertThat(on.aegisBranches()).isEmpty();
  }

  @Test
  void theActionWorksAgainstGitHubEnterpriseServer() {
    ActionsJob job = job().env("GITHUB_API_URL", site.fake.enterpriseApiUrl())
        .event("issues", site.seed(Payloads.labeled(repo, TITLE, BODY, "bug", READY)));

    AegisProcess.Result r = job.run();

    assertThat(r.exit()).as(r.toString()).isZero();
    assertThat(on.statusComments(1)).hasSize(1);
    assertThat(on.requests()).isNotEmpty().allSatisfy(q -> assertThat(q.prefix()).isEqualTo("/api/v3"));
  }

  static String withoutMaskCommands(String out) {
    StringBuilder kept = new StringBuilder();
    out.lines().filter(l -> !l.startsWith("::add-mask::")).forEach(l -> kept.append(l).append('\n'));
    return kept.toString();
  }
}
