package dev.aegis.core.host;

import static org.assertj.core.api.Assertions.assertThat;

import dev.aegis.core.host.HostResult.Outcome;
import dev.aegis.testkit.linear.FakeAttachment;
import dev.aegis.testkit.linear.FakeComment;
import dev.aegis.testkit.linear.FakeFailure;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Linear as it really behaves: it stores comment bodies as ProseMirror documents, so hidden HTML blocks are gone
 * when Aegis reads its comments back, and it keeps attachment metadata verbatim. The runs, the questions asked and
 * the commands answered must survive that, converge after a job dies half-way, trust nothing Aegis did not write,
 * and stop loudly when Linear does not keep what Aegis wrote.
 */
class LinearRunStateTest {
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

  private String planned(String id) {
    w.set("model", "scripted/demo-plan");
    HostResult plan = w.call(HostCommand.PLAN, id, null, false, Map.of());
    assertThat(plan.outcome()).as(w.log()).isEqualTo(Outcome.OK);
    return plan.outputs().get("run-id");
  }

  private List<FakeComment> byAegis(String id) {
    return w.linear.snapshot(id).comments().stream().filter(c -> c.authorEmail().equals(w.aegis.email())).toList();
  }

  private List<FakeAttachment> runRecords(String id) {
    return w.linear.snapshot(id).attachments().stream().filter(a -> a.url().contains("#aegis-run-")).toList();
  }

  @Test
  void aPlannedRunIsFoundAgainThoughLinearDroppedItsHiddenBlock() {
    String id = w.readyDiscountBug();
    String runId = planned(id);
    String approval = w.linear.comment(id, w.maya, "/aegis proceed " + runId);

    HostResult done = w.scheduled("demo-fix");

    assertThat(byAegis(id)).singleElement().satisfies(c -> assertThat(c.body()).doesNotContain("aegis:state"));
    assertThat(done.outcome()).as(w.log()).isEqualTo(Outcome.OK);
    assertThat(done.outputs().get("decision")).contains("linear:" + id + " pull request opened");
    assertThat(done.outputs().get("pr-url")).as("the approved plan, read back from the run's record").isNotBlank();
    assertThat(w.linear.snapshot(id).comments()).filteredOn(c -> c.id().equals(approval)).singleElement()
        .satisfies(c -> assertThat(c.reactions()).contains("\uD83D\uDC40"));
  }

  @Test
  void aThinReportIsAskedOnceAndAgainOnlyAfterTheReporterReplied() {
    String id = w.linear.issue(w.eng, w.rick, "Broken").description("pls fix").labels("Bug", "ready to implement")
        .create();

    w.scheduled("demo-plan");
    w.scheduled("demo-plan");
    List<FakeComment> once = byAegis(id);
    w.linear.comment(id, w.rick, "it is broken, really");
    w.scheduled("demo-plan");

    assertThat(once).singleElement().satisfies(c -> assertThat(c.body()).contains("one more detail")
        .doesNotContain("aegis:question"));
    assertThat(byAegis(id)).as("a reply that still says too little gets the question again").hasSize(2);
    assertThat(w.linear.snapshot(id).labels()).contains("aegis:needs-info");
  }

  @Test
  void aRefusedCommandIsRefusedOnceAndStaysRefusedWhenItsAuthorBecomesAnApprover() {
    String id = w.readyDiscountBug();
    String runId = planned(id);
    w.linear.comment(id, w.mallory, "/aegis proceed " + runId);
    w.scheduled("demo-fix");
    w.linear.comment(id, w.mallory, "/aegis proceed " + runId + " please");
    w.scheduled("demo-fix");

    w.set("linear.approvers", w.maya.email() + "," + w.mallory.email());
    HostResult later = w.scheduled("demo-fix");

    List<FakeComment> refusals = byAegis(id).stream().filter(c -> c.body().startsWith("Thanks,")).toList();
    assertThat(refusals).singleElement().satisfies(c -> assertThat(c.body())
        .startsWith("Thanks, mallory@example.com.").doesNotContain("\u200B", "aegis:refused"));
    assertThat(later.outputs().getOrDefault("pr-url", "")).as("judged when they were made").isEmpty();
    assertThat(w.repo.issues()).noneMatch(dev.aegis.testkit.github.FakeIssue::pullRequest);
    assertThat(w.linear.snapshot(id).labels()).contains("aegis:awaiting-approval");
  }

  @Test
  void aCommandAnsweredAsNotApplicableIsAnsweredOnce() {
    String id = w.readyDiscountBug();
    String runId = planned(id);
    w.linear.comment(id, w.maya, "/aegis proceed eng-1-zzzzzz");

    w.scheduled("demo-fix");
    w.scheduled("demo-fix");

    assertThat(byAegis(id)).filteredOn(c -> c.body().contains("There is no Aegis run")).singleElement()
        .satisfies(c -> assertThat(c.body()).contains("The latest run here is `" + runId + "`")
            .doesNotContain("aegis:reply"));
  }

  @Test
  void aStoppedRunNamesWhoStoppedItAsLinearShowsPeople() {
    String id = w.readyDiscountBug();
    String runId = planned(id);
    w.linear.comment(id, w.maya, "/aegis stop " + runId);

    HostResult stopped = w.scheduled("demo-fix");

    assertThat(stopped.outputs().get("decision")).contains("stopped by maya@example.com");
    assertThat(byAegis(id)).singleElement().satisfies(c -> assertThat(c.body())
        .contains("was stopped by maya@example.com.").doesNotContain("@\u200B"));
    assertThat(runRecords(id)).singleElement().satisfies(a -> assertThat(a.subtitle()).isEqualTo("stopped"));
  }

  @Test
  void aJobThatDiesAfterWritingTheRunsRecordLeavesARunTheNextJobsFinishWithOneStatusComment() {
    String id = w.readyDiscountBug();
    w.set("claim-grace-seconds", "0");
    w.linear.failNextOf("commentCreate", 0, FakeFailure.serverError());

    HostResult died = w.scheduled("demo-plan");
    for (int i = 0; i < 2; i++) { // the next scan restores the label, the one after resumes the quiet run
      w.scheduled("demo-plan");
    }

    assertThat(died.outcome()).isEqualTo(Outcome.REMOTE_ERROR);
    assertThat(byAegis(id)).singleElement().satisfies(c -> assertThat(c.body()).contains("/aegis proceed"));
    assertThat(runRecords(id)).singleElement().satisfies(a -> {
      assertThat(a.subtitle()).isEqualTo("awaiting approval");
      assertThat(a.metadata().get("comment")).isEqualTo(byAegis(id).get(0).id());
    });
    assertThat(w.linear.snapshot(id).labels()).contains("aegis:awaiting-approval");
  }

  @Test
  void aJobThatDiesAfterPostingTheStatusCommentLeavesOneStatusCommentNotTwo() {
    String id = w.readyDiscountBug();
    w.set("claim-grace-seconds", "0");
    w.linear.failNextOf("attachmentCreate", 1, FakeFailure.serverError());

    HostResult died = w.scheduled("demo-plan");
    for (int i = 0; i < 2; i++) { // the next scan restores the label, the one after resumes the quiet run
      w.scheduled("demo-plan");
    }

    assertThat(died.outcome()).isEqualTo(Outcome.REMOTE_ERROR);
    assertThat(byAegis(id)).as("the comment posted before the crash is the run's status comment").singleElement()
        .satisfies(c -> assertThat(c.body()).contains("/aegis proceed"));
    assertThat(runRecords(id)).singleElement()
        .satisfies(a -> assertThat(a.metadata().get("comment")).isEqualTo(byAegis(id).get(0).id()));
  }

  @Test
  void aRunRecordRewrittenByAnotherMemberIsNotTrustedAndItsPlanIsNeverImplemented() {
    String id = w.readyDiscountBug();
    String runId = planned(id);
    FakeAttachment record = runRecords(id).get(0);
    Map<String, Object> forged = new LinkedHashMap<>(record.metadata());
    forged.put("state", ((String) forged.get("state")).replace("src/cart.sh", "scripts/deploy.sh"));
    // Linear: creating an attachment with a URL the issue already has updates it; its creator stays Aegis
    w.linear.attach(id, w.mallory, record.url(), record.title(), forged);
    w.linear.attach(id, w.mallory, "https://linear.app/fake/issue/" + id + "#aegis-run-eng-1-forged", "Aegis run",
        forged);
    w.linear.comment(id, w.maya, "/aegis proceed " + runId);

    HostResult r = w.scheduled("demo-fix");

    assertThat(w.linear.snapshot(id).attachments()).filteredOn(a -> a.url().equals(record.url())).singleElement()
        .satisfies(a -> assertThat(a.creatorEmail()).isEqualTo(w.aegis.email()));
    assertThat(r.outputs().getOrDefault("pr-url", "")).isEmpty();
    assertThat(w.repo.issues()).noneMatch(dev.aegis.testkit.github.FakeIssue::pullRequest);
    assertThat(byAegis(id)).anySatisfy(c -> assertThat(c.body()).contains("There is no Aegis run `" + runId + "`"));
  }

  @Test
  void whenLinearDoesNotKeepTheRecordsAegisStopsWithAClearErrorInsteadOfAskingAgain() {
    String thin = w.linear.issue(w.eng, w.rick, "Broken").description("pls fix").labels("Bug", "ready to implement")
        .create();
    w.linear.dropAttachmentMetadata();

    List<HostResult> runs = List.of(w.scheduled("demo-plan"), w.scheduled("demo-plan"));

    assertThat(runs).allSatisfy(r -> {
      assertThat(r.outcome()).isEqualTo(Outcome.REMOTE_ERROR);
      assertThat(r.message()).contains("Linear did not keep Aegis's record 'notes' on " + thin, "stops here");
    });
    assertThat(byAegis(thin)).as("no question asked, let alone twice").isEmpty();
  }

  @Test
  void whenLinearDoesNotKeepTheRunsRecordAegisStopsBeforePostingAStatusComment() {
    String id = w.readyDiscountBug();
    w.set("claim-grace-seconds", "0");
    w.linear.dropAttachmentMetadata();

    List<HostResult> runs = List.of(w.scheduled("demo-plan"), w.scheduled("demo-plan"));

    assertThat(runs).allSatisfy(r -> {
      assertThat(r.outcome()).isEqualTo(Outcome.REMOTE_ERROR);
      assertThat(r.message()).contains("Linear did not keep Aegis's record 'run-eng-1-", "stops here");
    });
    assertThat(byAegis(id)).as("no status comment without its state, however often it is tried").isEmpty();
    assertThat(w.linear.snapshot(id).labels()).doesNotContain("aegis:in-progress");
  }
}
