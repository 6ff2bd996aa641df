package dev.aegis.jenkins;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.RejectedExecutionException;
import org.junit.jupiter.api.Test;

class CoreEventDispatcherTest {
  private static final byte[] SHOP_EVENT =
      "{\"action\":\"labeled\",\"repository\":{\"full_name\":\"Octo/Shop\"}}".getBytes(StandardCharsets.UTF_8);

  private final List<String> handled = new ArrayList<>();
  private final List<Runnable> queued = new ArrayList<>();
  private AegisSettings settings = Settings.configured().build();
  private final CoreEventDispatcher dispatcher =
      new CoreEventDispatcher(() -> settings, queued::add, (s, event) -> handled.add(event.event()));

  @Test
  void anIssueEventForTheWatchedRepositoryIsHandedOverOffTheRequestThread() {
    WebhookDispatcher.Dispatch dispatch = dispatcher.dispatch(new WebhookEvent("issues", "d-1", SHOP_EVENT));

    assertThat(dispatch.accepted()).isTrue();
    assertThat(handled).as("nothing runs on the request thread").isEmpty();
    queued.forEach(Runnable::run);
    assertThat(handled).containsExactly("issues");
  }

  @Test
  void eventsAegisDoesNotActOnAreAcknowledgedWithoutWork() {
    for (String name : List.of("push", "pull_request", "schedule", "workflow_dispatch")) {
      assertThat(dispatcher.dispatch(new WebhookEvent(name, null, SHOP_EVENT)))
          .isEqualTo(new WebhookDispatcher.Dispatch(false, "ignored event '" + name + "'"));
    }
    assertThat(queued).isEmpty();
  }

  @Test
  void whilePausedNothingIsHandedOver() {
    settings = Settings.configured().maxConcurrentRuns(0).build();

    assertThat(dispatcher.dispatch(new WebhookEvent("issue_comment", null, SHOP_EVENT)).message()).contains("paused");
    assertThat(queued).isEmpty();
  }

  @Test
  void anUnconfiguredControllerSaysWhatIsMissing() {
    settings = Settings.configured().workerJob(null).build();

    assertThat(dispatcher.dispatch(new WebhookEvent("issues", null, SHOP_EVENT)).message()).contains("no worker job");
    assertThat(queued).isEmpty();
  }

  @Test
  void eventsForOtherRepositoriesOrWithoutOneAreIgnored() {
    byte[] other = "{\"repository\":{\"full_name\":\"octo/other\"}}".getBytes(StandardCharsets.UTF_8);
    byte[] none = "not json".getBytes(StandardCharsets.UTF_8);

    assertThat(dispatcher.dispatch(new WebhookEvent("issues", null, other)).message())
        .isEqualTo("ignored: the event is for octo/other, Aegis watches octo/shop");
    assertThat(dispatcher.dispatch(new WebhookEvent("issues", null, none)).message()).contains("no repository");
    assertThat(queued).isEmpty();
  }

  @Test
  void aFullBacklogAnswersBusyAndLeavesTheWorkToTheNextScan() {
    CoreEventDispatcher full =
        new CoreEventDispatcher(() -> settings, task -> {
          throw new RejectedExecutionException("full");
        }, (s, event) -> handled.add(event.event()));

    WebhookDispatcher.Dispatch dispatch = full.dispatch(new WebhookEvent("issues", null, SHOP_EVENT));

    assertThat(dispatch).isEqualTo(new WebhookDispatcher.Dispatch(false, "Aegis is busy: the next scan picks this up"));
  }
}
