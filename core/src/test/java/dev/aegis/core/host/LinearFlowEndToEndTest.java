package dev.aegis.core.host;

import static org.assertj.core.api.Assertions.assertThat;

import dev.aegis.core.git.Git;
import dev.aegis.core.host.HostResult.Outcome;
import dev.aegis.core.support.BareRepos;
import dev.aegis.testkit.linear.FakeComment;
import dev.aegis.testkit.linear.FakeIssue;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The plan-first loop on a Linear issue, end to end through the host entry: Linear (fake, schema-checked) is
 * the tracker, GitHub (fake, contract-checked, over a real bare origin) the code host, the model the in-process
 * scripted one replaying the demo's plan and fix.
 */
class LinearFlowEndToEndTest {
  @TempDir Path dir;
  LinearWorld w;

  @BeforeEach
  void start() {
    w = new LinearWorld(dir);
  }

  @AfterEach
  void stop() {
    w.close();
  }

  @Test
  void aReadyLinearBugIsPlannedApprovedFromLinearAndFixedByAGitHubPullRequest() throws Exception {
    String id = w.readyDiscountBug();

    HostResult planned = w.scheduled("demo-plan");

    assertThat(planned.outcome()).as(w.log()).isEqualTo(Outcome.OK);
    String runId = planned.outputs().get("run-id");
    assertThat(runId).startsWith("eng-1-");
    String branch = "aegis/eng-1-cart-total-ignores-the-discount-code";
    assertThat(w.repo.branchHead(branch)).as("the claim is the branch ref on GitHub").isPresent();
    FakeIssue issue = w.linear.snapshot(id);
    assertThat(issue.labels()).contains("aegis:awaiting-approval").doesNotContain("aegis:in-progress");
    assertThat(issue.state()).as("moved to the in-progress state when claimed").isEqualTo("In Progress");
    List<FakeComment> byAegis = issue.comments().stream().filter(c -> c.authorEmail().equals(w.aegis.email())).toList();
    assertThat(byAegis).hasSize(1);
    assertThat(byAegis.get(0).body()).contains("/aegis proceed " + runId, "src/cart.sh", "Linear approvers list")
        .as("Linear keeps no hidden HTML block").doesNotContain("aegis:state");
    assertThat(byAegis.get(0).edited()).as("the RCA replaced the claim's status comment").isTrue();
    assertThat(issue.attachments()).as("the run's state, in an attachment Aegis made").singleElement()
        .satisfies(a -> {
          assertThat(a.creatorEmail()).isEqualTo(w.aegis.email());
          assertThat(a.title()).isEqualTo("Aegis run " + runId);
          assertThat(a.subtitle()).isEqualTo("awaiting approval");
          assertThat(a.url()).endsWith("/issue/ENG-1#aegis-run-" + runId);
          assertThat((String) a.metadata().get("state")).contains("\"phase\":\"AWAITING_APPROVAL\"");
          assertThat((String) a.metadata().get("comment")).isEqualTo(byAegis.get(0).id());
        });

    w.linear.comment(id, w.mallory, "/aegis proceed " + runId);
    HostResult refused = w.scheduled("demo-fix");

    assertThat(refused.outcome()).isEqualTo(Outcome.OK);
    assertThat(refused.outputs().get("decision")).contains("linear:ENG-1 refused - mallory@example.com may not command");
    assertThat(w.repo.issues()).noneMatch(dev.aegis.testkit.github.FakeIssue::pullRequest);
    assertThat(w.linear.snapshot(id).comments()).anyMatch(c -> c.authorEmail().equals(w.aegis.email())
        && c.body().startsWith("Thanks, mallory@example.com.") && c.body().contains("linear.approvers"));
    assertThat(w.linear.snapshot(id).labels()).contains("aegis:awaiting-approval");

    String approval = w.linear.comment(id, w.maya, "/aegis proceed " + runId);
    HostResult done = w.scheduled("demo-fix");

    assertThat(done.outcome()).as(w.log()).isEqualTo(Outcome.OK);
    String prUrl = done.outputs().get("pr-url");
    assertThat(prUrl).isNotBlank();
    dev.aegis.testkit.github.FakeIssue pr = onlyPullRequest();
    assertThat(pr.body()).contains("Fixes ENG-1 (http").contains("/issue/ENG-1")
        .contains("approved by maya@example.com.").doesNotContain(w.aegis.apiKey());
    assertThat(pr.labels()).contains("aegis");
    FakeIssue fixed = w.linear.snapshot(id);
    String issueUrl = "https://linear.app/fake/issue/ENG-1";
    assertThat(fixed.attachmentUrls()).as("one record per run, Aegis's notes (the refusal), the pull request")
        .containsExactly(issueUrl + "#aegis-run-" + runId, issueUrl + "#aegis-notes", prUrl);
    assertThat(fixed.attachments().get(0).subtitle()).isEqualTo("pr opened");
    assertThat(fixed.state()).isEqualTo("In Review");
    assertThat(fixed.labels()).contains("aegis:pr-opened").doesNotContain("aegis:awaiting-approval", "aegis:in-progress");
    assertThat(fixed.comments()).filteredOn(c -> c.id().equals(approval)).singleElement()
        .satisfies(c -> assertThat(c.reactions()).contains("\uD83D\uDC40"));
    assertThat(fixed.comments()).noneMatch(c -> c.body().contains(w.aegis.apiKey()));
    String diff = BareRepos.git(w.world.origin()).run("diff", "main", branch);
    assertThat(diff).contains("src/cart.sh");
    w.github.assertNoContractViolations();
  }

  /** The one pull request on the fake GitHub repository. */
  private dev.aegis.testkit.github.FakeIssue onlyPullRequest() {
    List<dev.aegis.testkit.github.FakeIssue> prs =
        w.repo.issues().stream().filter(dev.aegis.testkit.github.FakeIssue::pullRequest).toList();
    assertThat(prs).hasSize(1);
    return prs.get(0);
  }
}
