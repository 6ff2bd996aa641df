package dev.aegis.jenkins;

import static org.assertj.core.api.Assertions.assertThat;

import dev.aegis.core.tracker.linear.LinearWebhooks;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.RejectedExecutionException;
import org.junit.jupiter.api.Test;

class LinearEventDispatcherTest {
  private final List<String> handled = new ArrayList<>();
  private final List<Runnable> queued = new ArrayList<>();
  private AegisSettings settings = linear().build();
  private final LinearEventDispatcher dispatcher =
      new LinearEventDispatcher(() -> settings, queued::add, (s, delivery) -> handled.add(delivery.describe()));

  @Test
  void anIssueOfTheWatchedTeamIsHandedOverOffTheRequestThread() {
    WebhookDispatcher.Dispatch dispatch = dispatcher.dispatch(issue("update", "ENG", "Engineering"));

    assertThat(dispatch.accepted()).isTrue();
    assertThat(handled).as("nothing runs on the request thread").isEmpty();
    queued.forEach(Runnable::run);
    assertThat(handled).containsExactly("Issue.update on ENG-7 (delivery d-1)");
  }

  @Test
  void theTeamMatchesByKeyOrNameAndAPayloadWithoutTeamIsLeftToTheCore() {
    settings = linear().linearTeam("engineering").build();

    assertThat(dispatcher.dispatch(issue("create", "ENG", "Engineering")).accepted()).isTrue();
    assertThat(dispatcher.dispatch(comment(null)).accepted()).isTrue();
  }

  @Test
  void anotherTeamsIssueIsIgnoredWithoutACoreCall() {
    WebhookDispatcher.Dispatch dispatch = dispatcher.dispatch(issue("update", "OPS", "Operations"));

    assertThat(dispatch.accepted()).isFalse();
    assertThat(dispatch.message()).contains("OPS", "ENG");
    assertThat(queued).isEmpty();
  }

  @Test
  void deliveriesAegisDoesNotActOnAreAcknowledgedWithoutWork() {
    assertThat(dispatcher.dispatch(issue("remove", "ENG", "Engineering")).message())
        .startsWith("ignored Linear Issue.remove");
    assertThat(dispatcher.dispatch(delivery("{\"action\":\"create\",\"type\":\"IssueLabel\",\"data\":{}}")).accepted())
        .isFalse();
    assertThat(dispatcher.dispatch(delivery("{\"action\":\"update\",\"type\":\"Comment\",\"data\":{}}")).accepted())
        .isFalse();
    assertThat(queued).isEmpty();
  }

  @Test
  void whilePausedUnconfiguredOrNotTrackingLinearNothingIsHandedOver() {
    settings = linear().maxConcurrentRuns(0).build();
    assertThat(dispatcher.dispatch(comment("ENG")).message()).contains("paused");

    settings = linear().linearCredentialsId(null).build();
    assertThat(dispatcher.dispatch(comment("ENG")).message()).contains("not configured", "Linear API key");

    settings = Settings.configured().build();
    assertThat(dispatcher.dispatch(comment("ENG")).message()).contains("does not track Linear");

    assertThat(queued).isEmpty();
  }

  @Test
  void linearTrackedThroughTheYamlAloneIsHandedOver() {
    settings =
        Settings.configured()
            .linearCredentialsId("lin")
            .configYaml("trackers: [github, linear]\nlinear:\n  team: ENG\n")
            .build();

    assertThat(dispatcher.dispatch(comment("OPS")).accepted()).as("the YAML's team is the core's to check").isTrue();
  }

  @Test
  void aFullBacklogAnswersBusy() {
    LinearEventDispatcher full =
        new LinearEventDispatcher(
            () -> settings,
            task -> {
              throw new RejectedExecutionException("full");
            },
            (s, delivery) -> handled.add("never"));

    assertThat(full.dispatch(comment("ENG")).message()).contains("busy");
    assertThat(handled).isEmpty();
  }

  private static Settings linear() {
    return Settings.configured().linearTeam("ENG").linearCredentialsId("lin");
  }

  private static LinearDelivery issue(String action, String teamKey, String teamName) {
    return delivery("{\"action\":\"" + action + "\",\"type\":\"Issue\","
        + "\"data\":{\"id\":\"i7\",\"identifier\":\"ENG-7\","
        + "\"team\":{\"id\":\"t\",\"key\":\"" + teamKey + "\",\"name\":\"" + teamName + "\"},\"labels\":[]}}");
  }

  private static LinearDelivery comment(String teamKey) {
    String team = teamKey == null ? "" : ",\"team\":{\"id\":\"t\",\"key\":\"" + teamKey + "\",\"name\":\"x\"}";
    return delivery("{\"action\":\"create\",\"type\":\"Comment\",\"data\":{\"id\":\"c1\",\"body\":\"/aegis proceed r\","
        + "\"issue\":{\"id\":\"i7\",\"identifier\":\"ENG-7\"" + team + "}}}");
  }

  /** A delivery as the endpoint hands it over after verifying it. */
  private static LinearDelivery delivery(String json) {
    String withTime = json.replaceFirst("\\{", "{\"webhookTimestamp\":" + Instant.now().toEpochMilli() + ",");
    byte[] body = withTime.getBytes(StandardCharsets.UTF_8);
    return new LinearDelivery("d-1", body, LinearWebhooks.read(body));
  }
}
