package dev.aegis.jenkins;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.aegis.core.host.HostCommand;
import dev.aegis.core.host.WorkItem;
import dev.aegis.testkit.linear.FakeComment;
import dev.aegis.testkit.linear.FakeLinear;
import dev.aegis.testkit.linear.FakeTeam;
import dev.aegis.testkit.linear.FakeUser;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Linear on the Jenkins controller with the real core against a fake Linear and a fake GitHub: the form's Linear
 * team and key plus the controller's YAML reach the core; the Linear endpoint verifies each delivery, then the
 * core's {@code linear-event} claims and records approvals, and the worker starts like the scan's would.
 */
class LinearOverFakeLinearTest {
  private static final String LINEAR_SECRET = "lin_wh_7d2e9b";
  private static final List<String> LABELS =
      List.of("Bug", "ready to implement", "aegis:in-progress", "aegis:awaiting-approval", "aegis:pr-opened",
          "aegis:blocked", "aegis:needs-info");

  @TempDir Path dir;
  private ControllerFixture f;
  private FakeLinear linear;
  private FakeTeam eng;
  private FakeUser maya;
  private FakeUser mallory;
  private FakeUser rick;

  @BeforeEach
  void start() throws Exception {
    f = new ControllerFixture(dir);
    linear = FakeLinear.start();
    eng = linear.team("ENG", "Engineering");
    FakeUser aegis = linear.user("Aegis Bot", "aegis@example.com");
    maya = linear.user("Maya Maintainer", "maya@example.com");
    mallory = linear.user("Mallory Outsider", "mallory@example.com");
    rick = linear.user("Rick Reporter", "rick@example.com");
    LABELS.forEach(linear::label);
    f.credentials("linear", aegis.apiKey());
    f.credentials("linear-hook", LINEAR_SECRET);
    f.settings(
        Settings.from(f.settings())
            .linearTeam("ENG")
            .linearCredentialsId("linear")
            .linearWebhookSecretCredentialsId("linear-hook")
            .configYaml(
                "linear:\n"
                    + "  api-url: " + linear.endpoint() + "\n"
                    + "  approvers: [" + maya.email() + "]\n"
                    + "  states:\n"
                    + "    in-progress: In Progress\n"
                    + "    in-review: In Review\n")
            .build());
  }

  @AfterEach
  void stop() {
    linear.close();
    f.close();
  }

  @Test
  void aSignedNewIssueIsClaimedOnLinearAndItsPlanStartsTheWorkerOnce() {
    String id = readyBug();

    WebhookResponse response = deliver(issueEvent("create", id, eng), LINEAR_SECRET);
    ScanReport laterScan = f.scan();

    assertThat(response.status()).isEqualTo(200);
    assertThat(response.message()).startsWith("accepted");
    assertThat(f.launched).singleElement().satisfies(item -> {
      assertThat(item.command()).isEqualTo(HostCommand.PLAN);
      assertThat(item.issue()).isEqualTo(id);
      assertThat(item.runId()).startsWith("eng-1-");
    });
    assertThat(laterScan.starts().started()).as("the scan finds the work already handed out").isEmpty();
    assertThat(linear.snapshot(id).state()).as("linear.states from the YAML").isEqualTo("In Progress");
    assertThat(linear.snapshot(id).labels()).contains("aegis:in-progress");
    assertThat(f.repo.branchHead("aegis/eng-1-add-returns-the-difference")).isPresent();
    assertThat(f.log.warnings).isEmpty();
  }

  @Test
  void theWorkersPlanThenASignedApprovalFromLinearStartTheImplementationOnce() throws Exception {
    String id = readyBug();
    deliver(issueEvent("create", id, eng), LINEAR_SECRET);
    WorkItem plan = f.launched.get(0);

    // the worker reads its checkout's configuration, not the controller's YAML: the endpoint comes from there
    ControllerFixture.Worker worker = f.work(plan, Map.of("AEGIS_LINEAR_API_URL", linear.endpoint().toString()));
    String refused = linear.comment(id, mallory, "/aegis proceed " + plan.runId());
    WebhookResponse fromMallory = deliver(commentEvent(refused, id, "/aegis proceed " + plan.runId()), LINEAR_SECRET);
    String approval = linear.comment(id, maya, "/aegis proceed " + plan.runId());
    WebhookResponse fromMaya = deliver(commentEvent(approval, id, "/aegis proceed " + plan.runId()), LINEAR_SECRET);
    WebhookResponse again = deliver(commentEvent(approval, id, "/aegis proceed " + plan.runId()), LINEAR_SECRET);
    ScanReport laterScan = f.scan();

    assertThat(worker.outcome().outcome()).as(worker.printed()).isEqualTo("OK");
    assertThat(worker.printed()).doesNotContain(f.credentialsValue("linear"));
    assertThat(List.of(fromMallory.status(), fromMaya.status(), again.status())).containsOnly(200);
    assertThat(ControllerFixture.of(HostCommand.IMPLEMENT, f.launched))
        .singleElement()
        .satisfies(item -> {
          assertThat(item.issue()).isEqualTo(id);
          assertThat(item.runId()).isEqualTo(plan.runId());
        });
    assertThat(laterScan.starts().started()).isEmpty();
    assertThat(linear.snapshot(id).comments())
        .extracting(FakeComment::body)
        .as("the RCA's status comment now says the approved plan is being implemented")
        .anyMatch(body -> body.contains("implementing the approved plan") && body.contains("add() computes $1 - $2"))
        .anyMatch(body -> body.startsWith("Thanks, mallory@example.com.") && body.contains("linear.approvers"));
  }

  @Test
  void aForgedUnsignedOrReplayedDeliveryReachesNeitherTheCoreNorLinearNorGitHub() {
    String id = readyBug();
    int linearRequests = linear.requests().size();
    f.fake.clearRequests();
    Map<String, Object> replayed = issueEvent("create", id, eng);
    replayed.put("webhookTimestamp", Instant.now().minus(Duration.ofMinutes(5)).toEpochMilli());

    WebhookResponse forged = deliver(issueEvent("create", id, eng), "not-the-secret");
    WebhookResponse unsigned = deliver(issueEvent("create", id, eng), null);
    WebhookResponse replay = deliver(replayed, LINEAR_SECRET);

    assertThat(forged.status()).isEqualTo(403);
    assertThat(unsigned.status()).isEqualTo(401);
    assertThat(replay.status()).isEqualTo(403);
    assertThat(linear.requests()).hasSize(linearRequests);
    assertThat(f.fake.requests()).isEmpty();
    assertThat(f.launched).isEmpty();
    assertThat(linear.snapshot(id).labels()).doesNotContain("aegis:in-progress");
  }

  @Test
  void anotherTeamsIssueIsAnsweredWithoutAnyRequest() {
    FakeTeam ops = linear.team("OPS", "Operations");
    String id = linear.issue(ops, rick, "Pager broken").description(ControllerFixture.READY_BODY)
        .labels("Bug", "ready to implement").create();
    int linearRequests = linear.requests().size();
    f.fake.clearRequests();

    WebhookResponse response = deliver(issueEvent("update", id, ops), LINEAR_SECRET);

    assertThat(response.status()).isEqualTo(200);
    assertThat(response.message()).contains("OPS", "ENG");
    assertThat(linear.requests()).hasSize(linearRequests);
    assertThat(f.fake.requests()).isEmpty();
    assertThat(f.launched).isEmpty();
  }

  @Test
  void thePeriodicScanCoversLinearBesideGitHub() {
    f.settings(Settings.from(f.settings()).maxConcurrentRuns(2).build());
    int github = f.readyBug();
    String id = readyBug();

    ScanReport report = f.scan();

    assertThat(report.starts().started())
        .extracting(WorkItem::issue)
        .containsExactlyInAnyOrder(Integer.toString(github), id);
    assertThat(linear.snapshot(id).labels()).contains("aegis:in-progress");
  }

  /** A ready bug with enough context, filed in Linear by Rick; returns its identifier. */
  private String readyBug() {
    return linear.issue(eng, rick, "add returns the difference").description(ControllerFixture.READY_BODY)
        .labels("Bug", "ready to implement").create();
  }

  private WebhookResponse deliver(Map<String, Object> payload, String signingSecret) {
    byte[] body = json(payload);
    String signature = signingSecret == null ? null : LinearSigning.sign(signingSecret, body);
    return new LinearWebhookHandler(f.linearDispatcher(), Clock.systemUTC())
        .handle(new WebhookRequest("POST", String.valueOf(payload.get("type")), "ld-1", signature, body),
            Optional.of(LINEAR_SECRET));
  }

  private static Map<String, Object> issueEvent(String action, String identifier, FakeTeam team) {
    Map<String, Object> event = new LinkedHashMap<>();
    event.put("action", action);
    event.put("type", "Issue");
    event.put("data", Map.of("identifier", identifier, "title", "t", "labels", List.of(),
        "team", Map.of("id", team.id(), "key", team.key(), "name", team.name())));
    event.put("webhookTimestamp", Instant.now().toEpochMilli());
    return event;
  }

  private Map<String, Object> commentEvent(String commentId, String identifier, String body) {
    Map<String, Object> event = new LinkedHashMap<>();
    event.put("action", "create");
    event.put("type", "Comment");
    event.put("data", Map.of("id", commentId, "body", body, "issue", Map.of("identifier", identifier,
        "team", Map.of("id", eng.id(), "key", eng.key(), "name", eng.name()))));
    event.put("webhookTimestamp", Instant.now().toEpochMilli());
    return event;
  }

  private static byte[] json(Map<String, Object> payload) {
    try {
      return new ObjectMapper().writeValueAsBytes(payload);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }
}
