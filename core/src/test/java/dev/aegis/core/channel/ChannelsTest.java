package dev.aegis.core.channel;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.aegis.core.policy.Redactor;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;

class ChannelsTest {
  private static final String SECRET = "xoxb-hooks-secret-123456";
  private final List<String> log = new CopyOnWriteArrayList<>();

  private static RunEvent planned(String summary) {
    return RunEvent.of(RunEvent.Kind.PLANNED, "r-1", "#42", "https://github.com/acme/calc/issues/42",
        "add returns the difference", "r0", Instant.parse("2026-12-06T10:00:00Z"))
        .withPlan(summary, "sub is called", "call add", "low");
  }

  private Channels channels(Duration budget, Channel... cs) {
    return new Channels(List.of(cs), budget, Redactor.of(List.of(SECRET)), log::add);
  }

  @Test
  void everyChannelThatWantsTheKindIsToldAndTheOthersAreNot() {
    RecordingChannel all = RecordingChannel.everything("a");
    RecordingChannel prsOnly = new RecordingChannel("b", Set.of(RunEvent.Kind.PR_OPENED));

    List<Delivery> out = channels(Duration.ofSeconds(5), all, prsOnly).announce(planned("adds wrongly"));

    assertThat(out).containsExactly(new Delivery("a", Delivery.Status.SENT, ""));
    assertThat(all.kinds()).containsExactly(RunEvent.Kind.PLANNED);
    assertThat(prsOnly.events()).isEmpty();
    assertThat(log).isEmpty();
  }

  @Test
  void aChannelNeverSeesASecretValue() {
    RecordingChannel c = RecordingChannel.everything("a");

    channels(Duration.ofSeconds(5), c).announce(planned("the token " + SECRET + " leaks"));

    assertThat(c.events().get(0).summary()).doesNotContain(SECRET).contains("the token");
  }

  @Test
  void aRefusingChannelIsReportedOnceRedactedAndTheOthersStillGetTheEvent() {
    RecordingChannel refusing = RecordingChannel.everything("slack")
        .refusing(new ChannelException("HTTP 404 no_service at " + SECRET, 404, null));
    RecordingChannel fine = RecordingChannel.everything("webhook");

    List<Delivery> out = channels(Duration.ofSeconds(5), refusing, fine).announce(planned("x"));

    assertThat(out).extracting(Delivery::status).containsExactly(Delivery.Status.FAILED, Delivery.Status.SENT);
    assertThat(out.get(0).detail()).contains("HTTP 404 no_service").doesNotContain(SECRET);
    assertThat(fine.events()).hasSize(1);
    assertThat(log).hasSize(1);
    assertThat(log.get(0)).contains("slack", "run.planned", "r-1", "404").doesNotContain(SECRET);
  }

  @Test
  void aHangingChannelIsCutOffAtTheBudgetAndInterrupted() throws Exception {
    RecordingChannel hanging = RecordingChannel.everything("telegram").hanging();
    RecordingChannel fine = RecordingChannel.everything("email");

    long start = System.nanoTime();
    List<Delivery> out = channels(Duration.ofMillis(300), hanging, fine).announce(planned("x"));
    Duration took = Duration.ofNanos(System.nanoTime() - start);

    assertThat(took).isLessThan(Duration.ofSeconds(2));
    assertThat(out).extracting(Delivery::status).containsExactly(Delivery.Status.TIMED_OUT, Delivery.Status.SENT);
    for (int i = 0; i < 50 && !hanging.wasInterrupted(); i++) {
      Thread.sleep(20);
    }
    assertThat(hanging.wasInterrupted()).isTrue();
    assertThat(log).singleElement().asString().contains("telegram", "no answer within");
  }

  @Test
  void aChannelThatThrowsAnythingIsAFailedDeliveryNotAnException() {
    Channel broken = new Channel() {
      @Override
      public String name() {
        return "broken";
      }

      @Override
      public boolean wants(RunEvent.Kind kind) {
        return true;
      }

      @Override
      public void send(RunEvent event) {
        throw new IllegalStateException("bug in the channel");
      }
    };

    List<Delivery> out = channels(Duration.ofSeconds(5), broken).announce(planned("x"));

    assertThat(out).singleElement().extracting(Delivery::status).isEqualTo(Delivery.Status.FAILED);
    assertThat(out.get(0).detail()).contains("IllegalStateException", "bug in the channel");
  }

  @Test
  void theDeliveryIdNamesTheEventWhicheverJobSendsIt() {
    RunEvent a = planned("one text");
    RunEvent b = planned("another text").withReason("whatever");
    RunEvent nextRound = RunEvent.of(RunEvent.Kind.PLANNED, "r-1", "#42", "", "", "r1", Instant.EPOCH);
    RunEvent otherKind = RunEvent.of(RunEvent.Kind.BLOCKED, "r-1", "#42", "", "", "r0", Instant.EPOCH);

    assertThat(a.deliveryId()).isEqualTo(b.deliveryId()).hasSize(32);
    assertThat(nextRound.deliveryId()).isNotEqualTo(a.deliveryId());
    assertThat(otherKind.deliveryId()).isNotEqualTo(a.deliveryId());
  }

  @Test
  void aBudgetThatIsNotPositiveIsRefused() {
    assertThatThrownBy(() -> channels(Duration.ZERO)).hasMessageContaining("must be positive");
  }
}
