package dev.aegis.core.host;

import static org.assertj.core.api.Assertions.assertThat;

import dev.aegis.core.host.HostResult.Outcome;
import java.nio.file.Path;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Linear through the host entry: combined scans, routing by key, webhook deliveries, and the clear failures. */
class LinearHostTest {
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

  private String goodGitHubBug() {
    return Integer.toString(w.repo.addIssue("Search ignores the sort order",
        "On /search?q=mug&sort=price the results come back in relevance order. They should be sorted by price,"
            + " cheapest first. The sorting lives in `src/search.sh`.", "kim", "bug", "ready to implement"));
  }

  @Test
  void aDryRunPickupListsGitHubAndLinearCandidatesTogetherOldestFirst() {
    String gh = goodGitHubBug();
    String linear = w.readyDiscountBug();
    w.set("max-concurrent-runs", "5");

    HostResult r = w.call(HostCommand.PICKUP, null, null, true, Map.of());

    assertThat(r.outcome()).as(w.log()).isEqualTo(Outcome.OK);
    assertThat(r.outputs().get("decision").lines()).containsExactly(
        "github:#" + gh + " would run - ready bug with enough context",
        "linear:" + linear + " would run - ready bug with enough context");
    assertThat(w.linear.requests("commentCreate") + w.linear.requests("issueUpdate")).isZero();
  }

  @Test
  void theRunLimitIsSharedAcrossTrackers() {
    goodGitHubBug();
    String linear = w.readyDiscountBug();

    HostResult r = w.call(HostCommand.PICKUP, null, null, true, Map.of());

    assertThat(r.outputs().get("decision")).contains("would run")
        .contains("linear:" + linear + " waiting - max concurrent runs reached (1 of 1)");
  }

  @Test
  void aLinearOnlyConfigurationScansLinearAndLeavesGitHubIssuesAlone() {
    goodGitHubBug();
    String linear = w.readyDiscountBug();
    w.set("trackers", "linear");

    HostResult r = w.call(HostCommand.PICKUP, null, null, true, Map.of());

    assertThat(r.outputs().get("decision")).isEqualTo("linear:" + linear + " would run - ready bug with enough context");
  }

  @Test
  void gitHubIssueEventsAreIgnoredWhenOnlyLinearIsATracker() {
    String number = goodGitHubBug();
    w.set("trackers", "linear");

    HostResult r = w.githubEvent("issues", "{\"action\": \"labeled\", \"issue\": {\"number\": " + number
        + "}, \"label\": {\"name\": \"ready to implement\"}, \"sender\": {\"login\": \"kim\", \"type\": \"User\"}}");

    assertThat(r.outcome()).isEqualTo(Outcome.OK);
    assertThat(r.message()).contains("ignored", "GitHub issues are not a configured tracker");
    assertThat(w.repo.issue(Integer.parseInt(number)).orElseThrow().labels()).doesNotContain("aegis:in-progress");
  }

  @Test
  void aThinLinearReportGetsOneQuestionAndTheNeedsInfoLabel() {
    String id = w.linear.issue(w.eng, w.rick, "Broken").description("pls fix").labels("Bug", "ready to implement")
        .create();

    HostResult r = w.call(HostCommand.PICKUP, null, null, false, Map.of());
    w.call(HostCommand.PICKUP, null, null, false, Map.of());

    assertThat(r.outputs().get("decision")).startsWith("linear:" + id + " needs info - ");
    assertThat(w.linear.snapshot(id).labels()).contains("aegis:needs-info");
    assertThat(w.linear.snapshot(id).comments()).hasSize(1);
  }

  @Test
  void anIssueNamedByItsLinearIdGoesToLinearAndIsRefusedWhenLinearIsNotConfigured() {
    String id = w.readyDiscountBug();

    HostResult linear = w.call(HostCommand.PICKUP, id, null, true, Map.of());
    w.set("trackers", "github");
    HostResult github = w.call(HostCommand.PICKUP, id, null, true, Map.of());

    assertThat(linear.outputs().get("decision")).isEqualTo("linear:" + id + " would run - ready bug with enough context");
    assertThat(github.outcome()).isEqualTo(Outcome.INPUT_ERROR);
    assertThat(github.message()).contains("linear:" + id, "add linear to 'trackers'");
  }

  @Test
  void aLinearIssueWithoutTheReadySignalIsSkippedWithTheReason() {
    String id = w.linear.issue(w.eng, w.rick, "Cart total ignores the discount code")
        .description(LinearWorld.DISCOUNT_BUG).labels("Bug").create();

    HostResult r = w.call(HostCommand.PICKUP, id, null, true, Map.of());

    assertThat(r.outputs().get("decision")).isEqualTo("linear:" + id + " skipped - not labelled 'ready to implement'");
  }

  @Test
  void aRefusedApiKeyIsAnAuthErrorThatSaysWhatToDo() {
    w.readyDiscountBug();
    w.env("LINEAR_API_KEY", "lin_api_revoked");

    HostResult r = w.call(HostCommand.PICKUP, null, null, true, Map.of());

    assertThat(r.outcome()).isEqualTo(Outcome.AUTH_ERROR);
    assertThat(r.message()).contains("LINEAR_API_KEY").doesNotContain("lin_api_revoked");
  }

  @Test
  void aMissingApiKeyIsAConfigErrorNamingTheVariable() {
    w.env("LINEAR_API_KEY", "");

    HostResult r = w.call(HostCommand.PICKUP, null, null, true, Map.of());

    assertThat(r.outcome()).isEqualTo(Outcome.CONFIG_ERROR);
    assertThat(r.message()).contains("LINEAR_API_KEY", "is not set");
  }

  @Test
  void aDeletedIssueIsAnInputErrorThatSaysItIsGone() {
    String id = w.readyDiscountBug();
    w.linear.delete(id);

    HostResult r = w.call(HostCommand.PLAN, id, null, false, Map.of());

    assertThat(r.outcome()).isEqualTo(Outcome.INPUT_ERROR);
    assertThat(r.message()).contains("linear:" + id, "does not exist");
  }

  @Test
  void aStateNameThatDoesNotExistIsAConfigErrorListingTheTeamsStates() {
    w.readyDiscountBug();
    w.set("linear.states.in-review", "Reviewing");

    HostResult r = w.call(HostCommand.PICKUP, null, null, true, Map.of());

    assertThat(r.outcome()).isEqualTo(Outcome.CONFIG_ERROR);
    assertThat(r.message()).contains("'Reviewing'", "linear.states.in-review", "Engineering (ENG)",
        "Backlog, Todo, In Progress, In Review, Done, Canceled, Duplicate");
  }

  @Test
  void anUnknownTeamIsAConfigErrorListingTheTeamsTheKeyCanSee() {
    w.set("linear.team", "Platform");

    HostResult r = w.call(HostCommand.PICKUP, null, null, true, Map.of());

    assertThat(r.outcome()).isEqualTo(Outcome.CONFIG_ERROR);
    assertThat(r.message()).contains("'Platform'", "Engineering (ENG)");
  }

  @Test
  void aMissingTeamIsAConfigErrorPointingAtTheSetupCommand() {
    w.set("linear.team", null);

    HostResult r = w.call(HostCommand.PICKUP, null, null, true, Map.of());

    assertThat(r.outcome()).isEqualTo(Outcome.CONFIG_ERROR);
    assertThat(r.message()).contains("linear.team", "aegis linear teams");
  }

  @Test
  void aLinearWebhookForANewIssueClaimsItAndQueuesThePlanForAWorker() {
    String id = w.readyDiscountBug();

    HostResult r = w.linearEvent(issueEvent("create", id));

    assertThat(r.outcome()).as(w.log()).isEqualTo(Outcome.OK);
    assertThat(r.outputs().get("decision")).contains("linear:" + id + " claimed - run eng-1-");
    assertThat(r.outputs().get("work")).contains("\tplan\t" + id + "\teng-1-");
    assertThat(w.linear.snapshot(id).state()).isEqualTo("In Progress");
    assertThat(w.linear.snapshot(id).labels()).contains("aegis:in-progress");
  }

  @Test
  void aLinearWebhookCommentIsReadBackFromLinearAndAnApprovalQueuesTheImplementation() {
    String id = w.readyDiscountBug();
    w.set("model", "scripted/demo-plan");
    String runId = w.call(HostCommand.PLAN, id, null, false, Map.of()).outputs().get("run-id");
    String approval = w.linear.comment(id, w.maya, "/aegis proceed " + runId);

    HostResult r = w.linearEvent(commentEvent(approval, id, "/aegis stop " + runId));
    HostResult again = w.linearEvent(commentEvent(approval, id, "/aegis stop " + runId));

    assertThat(r.outcome()).as(w.log()).isEqualTo(Outcome.OK);
    assertThat(r.outputs().get("work")).as("the stored comment is acted on, not the payload's text")
        .contains("\timplement\t" + id + "\t" + runId);
    assertThat(again.outputs()).doesNotContainKey("work");
    assertThat(again.outputs().get("decision")).contains("run " + runId + " is already in progress");
  }

  @Test
  void aLinearWebhookAboutAnotherTeamsIssueIsIgnored() {
    var other = w.linear.team("OPS", "Operations");
    String id = w.linear.issue(other, w.rick, "Pager broken").labels("Bug").create();

    HostResult r = w.linearEvent(issueEvent("update", id));

    assertThat(r.outcome()).isEqualTo(Outcome.OK);
    assertThat(r.message()).contains("ignored", "not one of the configured team's");
  }

  @Test
  void aMalformedLinearEventIsAnInputError() {
    HostResult r = w.linearEvent(Map.of("type", "Issue", "action", "create"));

    assertThat(r.outcome()).isEqualTo(Outcome.INPUT_ERROR);
    assertThat(r.message()).contains("webhookTimestamp");
  }

  private static Map<String, Object> issueEvent(String action, String identifier) {
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("action", action);
    body.put("type", "Issue");
    body.put("data", Map.of("identifier", identifier, "title", "t", "labels", List.of()));
    body.put("webhookTimestamp", Instant.now().toEpochMilli());
    return body;
  }

  private static Map<String, Object> commentEvent(String commentId, String identifier, String body) {
    Map<String, Object> event = new LinkedHashMap<>();
    event.put("action", "create");
    event.put("type", "Comment");
    event.put("data", Map.of("id", commentId, "body", body, "issue", Map.of("identifier", identifier)));
    event.put("webhookTimestamp", Instant.now().toEpochMilli());
    return event;
  }
}
