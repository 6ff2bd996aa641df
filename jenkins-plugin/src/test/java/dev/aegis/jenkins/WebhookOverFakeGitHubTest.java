package dev.aegis.jenkins;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.aegis.core.host.HostCommand;
import dev.aegis.core.host.WorkItem;
import dev.aegis.testkit.events.Events;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The webhook path end to end with the real core against a fake GitHub: signature check, then the core's
 * {@code event} command (dispatch-only), then the same worker starts the scan would make.
 */
class WebhookOverFakeGitHubTest {
  @TempDir Path dir;
  private ControllerFixture f;

  @BeforeEach
  void start() throws Exception {
    f = new ControllerFixture(dir.resolve("a"));
  }

  @AfterEach
  void stop() {
    f.close();
  }

  @Test
  void aSignedIssueEventProducesTheWorkTheScanWouldAndOnlyOnce() throws Exception {
    int issue = f.readyBug();

    WebhookResponse response = deliver(f, "issues", labeled(issue, ControllerFixture.REPO), ControllerFixture.WEBHOOK_SECRET);
    List<WorkItem> fromEvent = List.copyOf(f.launched);
    ScanReport laterScan = f.scan();

    List<WorkItem> fromScan;
    try (ControllerFixture other = new ControllerFixture(dir.resolve("b"))) {
      other.readyBug();
      other.scan();
      fromScan = other.launched;
    }
    assertThat(response.status()).isEqualTo(202);
    assertThat(fromEvent).extracting(WorkItem::command, WorkItem::issue)
        .containsExactly(org.assertj.core.groups.Tuple.tuple(HostCommand.PLAN, Integer.toString(issue)));
    assertThat(fromScan).extracting(WorkItem::command, WorkItem::issue)
        .isEqualTo(List.of(org.assertj.core.groups.Tuple.tuple(HostCommand.PLAN, Integer.toString(issue))));
    assertThat(laterScan.starts().started()).as("the scan finds the work already handed out").isEmpty();
    assertThat(f.issue(issue).labels()).contains("aegis:in-progress");
  }

  @Test
  void aSignedProceedCommentStartsTheImplementationOnceEvenWhenTheScanReadsItToo() throws Exception {
    int issue = f.readyBug();
    WorkItem plan = f.scan().starts().started().get(0);
    f.work(plan);
    long comment = f.repo.addComment(issue, ControllerFixture.MAINTAINER, "/aegis proceed " + plan.runId());

    WebhookResponse response =
        deliver(f, "issue_comment", commented(issue, comment, ControllerFixture.MAINTAINER, "/aegis proceed " + plan.runId()),
            ControllerFixture.WEBHOOK_SECRET);
    ScanReport laterScan = f.scan();

    assertThat(response.status()).isEqualTo(202);
    assertThat(ControllerFixture.of(HostCommand.IMPLEMENT, f.launched))
        .singleElement()
        .satisfies(item -> assertThat(item.runId()).isEqualTo(plan.runId()));
    assertThat(laterScan.starts().started()).isEmpty();
  }

  @Test
  void anInvalidSignatureReachesNeitherTheCoreNorGitHub() throws Exception {
    f.readyBug();
    f.fake.clearRequests();

    WebhookResponse wrong = deliver(f, "issues", labeled(1, ControllerFixture.REPO), "not-the-secret");
    WebhookResponse missing =
        new WebhookHandler(f.eventDispatcher())
            .handle(new WebhookRequest("POST", "issues", "d-2", null, labeled(1, ControllerFixture.REPO)),
                Optional.of(ControllerFixture.WEBHOOK_SECRET));

    assertThat(wrong.status()).isEqualTo(403);
    assertThat(missing.status()).isEqualTo(401);
    assertThat(f.fake.requests()).isEmpty();
    assertThat(f.launched).isEmpty();
  }

  @Test
  void anEventForAnotherRepositoryIsIgnoredWithoutAnyRequest() throws Exception {
    f.readyBug();
    f.fake.clearRequests();

    WebhookResponse response = deliver(f, "issues", labeled(1, "octo/other"), ControllerFixture.WEBHOOK_SECRET);

    assertThat(response.status()).isEqualTo(200);
    assertThat(response.message()).contains("octo/other", "octo/shop");
    assertThat(f.fake.requests()).isEmpty();
    assertThat(f.launched).isEmpty();
  }

  @Test
  void whilePausedASignedEventMakesNoCoreCall() throws Exception {
    f.readyBug();
    f.settings(Settings.configured().repository(ControllerFixture.REPO).apiUrl(f.fake.apiUrl()).maxConcurrentRuns(0).build());
    f.fake.clearRequests();

    WebhookResponse response = deliver(f, "issues", labeled(1, ControllerFixture.REPO), ControllerFixture.WEBHOOK_SECRET);

    assertThat(response.message()).contains("paused");
    assertThat(f.fake.requests()).isEmpty();
    assertThat(f.launched).isEmpty();
  }

  @Test
  void anIssueEditWhileAnApprovedRunWaitsForItsWorkerHandsTheImplementationOutInsteadOfRunningIt() throws Exception {
    int issue = f.readyBug();
    WorkItem plan = f.scan().starts().started().get(0);
    f.work(plan);
    f.repo.addComment(issue, ControllerFixture.MAINTAINER, "/aegis proceed " + plan.runId());
    WorkItem implement = f.scan().starts().started().get(0);
    // the worker has not reported yet: with no grace period the run counts as interrupted at once
    f.controllerOverride("claim-grace-seconds", "0");

    WebhookResponse response = deliver(f, "issues", edited(issue), ControllerFixture.WEBHOOK_SECRET);

    assertThat(response.status()).isEqualTo(202);
    assertThat(f.log.lines).noneMatch(line -> line.startsWith("Investigating") || line.contains("Applying"));
    assertThat(f.issue(issue).labels()).contains("aegis:in-progress").doesNotContain("aegis:blocked", "aegis:pr-opened");
    assertThat(ControllerFixture.of(HostCommand.IMPLEMENT, f.launched))
        .as("the implementation handed out again is the same piece of work, started once")
        .singleElement()
        .isEqualTo(implement);
  }

  private static WebhookResponse deliver(ControllerFixture f, String event, byte[] body, String secret) {
    return new WebhookHandler(f.eventDispatcher())
        .handle(new WebhookRequest("POST", event, "d-1", WebhookSignature.sign(secret, body), body),
            Optional.of(ControllerFixture.WEBHOOK_SECRET));
  }

  private static byte[] labeled(int issue, String repository) {
    ObjectNode payload = Events.json("issues.labeled");
    ((ObjectNode) payload.path("issue")).put("number", issue);
    ((ObjectNode) payload.path("label")).put("name", "ready to implement");
    ((ObjectNode) payload.path("repository")).put("full_name", repository);
    ((ObjectNode) payload.path("sender")).put("login", ControllerFixture.MAINTAINER);
    return bytes(payload);
  }

  private static byte[] edited(int issue) {
    ObjectNode payload = Events.json("issues.edited");
    ((ObjectNode) payload.path("issue")).put("number", issue);
    ((ObjectNode) payload.path("repository")).put("full_name", ControllerFixture.REPO);
    ((ObjectNode) payload.path("sender")).put("login", ControllerFixture.MAINTAINER);
    return bytes(payload);
  }

  private static byte[] commented(int issue, long commentId, String author, String body) {
    ObjectNode payload = Events.json("issue_comment.created");
    ((ObjectNode) payload.path("issue")).put("number", issue);
    ((ObjectNode) payload.path("issue")).remove("pull_request");
    ObjectNode comment = (ObjectNode) payload.path("comment");
    comment.put("id", commentId).put("body", body);
    ((ObjectNode) comment.path("user")).put("login", author).put("type", "User");
    ((ObjectNode) payload.path("repository")).put("full_name", ControllerFixture.REPO);
    ((ObjectNode) payload.path("sender")).put("login", author).put("type", "User");
    return bytes(payload);
  }

  private static byte[] bytes(ObjectNode payload) {
    return payload.toString().getBytes(StandardCharsets.UTF_8);
  }
}
