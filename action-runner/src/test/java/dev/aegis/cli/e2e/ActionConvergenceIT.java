package dev.aegis.cli.e2e;

import static dev.aegis.cli.e2e.SampleBug.BODY;
import static dev.aegis.cli.e2e.SampleBug.BRANCH;
import static dev.aegis.cli.e2e.SampleBug.READY;
import static dev.aegis.cli.e2e.SampleBug.THIN_BODY;
import static dev.aegis.cli.e2e.SampleBug.TITLE;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.aegis.testkit.github.FakeComment;
import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * {@code aegis action} through the fat jar over several events: a thin report that gets its context later, a
 * scan over several issues, and jobs killed at a chosen step (held there by a {@link HoldingProxy}), after which
 * later jobs must converge to one status comment, one branch and labels that match the run's state.
 */
class ActionConvergenceIT extends OnFakeSite {

  @Test
  void anEditThatAddsTheMissingContextGetsTheThinReportClaimed() {
    ActionsJob job = job().event("issues", site.seed(Payloads.labeled(repo, TITLE, THIN_BODY, "bug", READY)));
    assertThat(job.run().exit()).isZero();
    assertThat(on.aegisLabels(1)).containsExactly("aegis:needs-info");

    job.event("issues", site.seed(Payloads.issue("issues.edited", repo, TITLE, BODY, "bug", READY, "aegis:needs-info")));
    AegisProcess.Result r = job.run();

    assertThat(r.exit()).as(r.toString()).isZero();
    assertThat(job.outputs().get("decision")).startsWith("github:#1 claimed - run ");
    assertThat(on.aegisLabels(1)).containsExactly("aegis:awaiting-approval");
    assertThat(on.statusComments(1)).hasSize(1);
    assertThat(repo.comments(1)).as("the question and the status comment").hasSize(2);
  }

  @Test
  void aReplyWithTheMissingContextGetsTheThinReportClaimedByTheNextScan() {
    ActionsJob job = job().event("issues", site.seed(Payloads.labeled(repo, TITLE, THIN_BODY, "bug", READY)));
    assertThat(job.run().exit()).isZero();
    long reply = repo.addComment(1, "Codertocat", BODY);
    assertThat(reply).isPositive();

    AegisProcess.Result r = job.event("schedule", Payloads.of("schedule", repo)).run();

    assertThat(r.exit()).as(r.toString()).isZero();
    assertThat(job.outputs().get("decision")).startsWith("github:#1 claimed - run ");
    assertThat(on.aegisLabels(1)).containsExactly("aegis:awaiting-approval");
    assertThat(on.statusComments(1)).hasSize(1);
  }

  @Test
  void aManualScanClaimsOneReadyBugAsksTheThinOneAndLeavesTheRestWaiting() {
    int first = repo.addIssue(TITLE, BODY, "octocat", "bug", READY);
    int thin = repo.addIssue("Broken", THIN_BODY, "octocat", "bug", READY);
    int next = repo.addIssue("Cart total is wrong for SAVE20 too", BODY, "octocat", "bug", READY);
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
  void aJobKilledRightAfterWinningTheBranchIsAdoptedOnlyOnceTheGracePeriodIsOver() throws InterruptedException {
    JsonNode event = site.seed(Payloads.labeled(repo, TITLE, BODY, "bug", READY));
    try (HoldingProxy proxy = HoldingProxy.holding(site.fake.apiUrl(), "POST",
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
    JsonNode event = site.seed(Payloads.labeled(repo, TITLE, BODY, "bug", READY));
    // Moving to awaiting approval adds that label, then removes aegis:in-progress: the job dies in between.
    try (HoldingProxy proxy = HoldingProxy.holding(site.fake.apiUrl(), "DELETE",
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
}
