package dev.aegis.core.tracker.linear;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.aegis.core.tracker.IssueKey;
import dev.aegis.core.tracker.TrackerException;
import dev.aegis.testkit.linear.FakeFailure;
import java.net.ServerSocket;
import java.net.URI;
import java.time.Duration;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class LinearFailuresTest {
  private final LinearFixture fx = new LinearFixture();

  @AfterEach
  void close() {
    fx.close();
  }

  @Test
  void aRefusedApiKeyTellsTheUserHowToCreateOneWithoutRevealingIt() {
    LinearTracker tracker = fx.tracker(LinearSettings.of(fx.connection("lin_api_revoked42"), "ENG"));

    TrackerException e = failure(tracker::readyIssues);

    assertThat(e.unauthorized()).isTrue();
    assertThat(e.getMessage())
        .contains("LINEAR_API_KEY was refused")
        .contains("Personal API keys")
        .contains("You need to authenticate")
        .doesNotContain("lin_api_revoked42");
    assertThat(e.url()).isEqualTo(fx.linear.endpoint().toString());
    assertThat(fx.sleeps).isEmpty();
  }

  @Test
  void aPlainHttp401IsUnauthorizedToo() {
    fx.linear.failNext(FakeFailure.of(401, "Unauthorized"));

    assertThat(failure(() -> fx.tracker().self()).status()).isEqualTo(401);
  }

  @Test
  void aForbiddenAnswerSaysWhatAccessTheKeyNeeds() {
    fx.readyBug("Checkout crashes");
    LinearTracker tracker = fx.tracker();
    tracker.readyIssues();
    fx.linear.failNext(FakeFailure.of(400, "{\"errors\":[{\"message\":\"Forbidden\",\"extensions\":"
        + "{\"code\":\"FORBIDDEN\",\"type\":\"forbidden\"}}]}"));

    TrackerException e = failure(() -> tracker.addComment(new IssueKey("linear", "ENG-1"), "hi"));

    assertThat(e.forbidden()).isTrue();
    assertThat(e.getMessage()).contains("adding a comment").contains("write access");
  }

  @Test
  void aRateLimitIsWaitedOutUntilTheResetLinearAnnounces() {
    fx.readyBug("Checkout crashes");
    fx.linear.failNext(FakeFailure.rateLimited(LinearFixture.NOW.plusSeconds(30)));

    assertThat(fx.tracker().readyIssues()).hasSize(1);
    assertThat(fx.sleeps).containsExactly(Duration.ofSeconds(30));
  }

  @Test
  void aComplexityLimitReportedAsAGraphQlErrorIsWaitedOutToo() {
    fx.readyBug("Checkout crashes");
    LinearTracker tracker = fx.tracker();
    tracker.readyIssues();
    fx.linear.failNext(FakeFailure.complexityLimited(LinearFixture.NOW.plusSeconds(5)));

    tracker.addComment(new IssueKey("linear", "ENG-1"), "Aegis is on it.");

    assertThat(fx.sleeps).containsExactly(Duration.ofSeconds(5));
    assertThat(fx.linear.snapshot("ENG-1").comments()).hasSize(1);
  }

  @Test
  void aRateLimitThatResetsTooLateFailsAtOnceSayingWhen() {
    fx.linear.failNext(FakeFailure.rateLimited(LinearFixture.NOW.plus(Duration.ofMinutes(20))));

    TrackerException e = failure(() -> fx.tracker().self());

    assertThat(e.rateLimited()).isTrue();
    assertThat(e.retryAfter()).contains(Duration.ofMinutes(20));
    assertThat(e.getMessage()).contains("resets in 1200 s");
    assertThat(fx.sleeps).isEmpty();
    assertThat(fx.linear.requests()).hasSize(1);
  }

  @Test
  void serverErrorsOnQueriesAreRetriedWithBackoff() {
    fx.linear.failNext(FakeFailure.serverError(), FakeFailure.badGateway());

    assertThat(fx.tracker().self().login()).isEqualTo("aegis@example.com");
    assertThat(fx.sleeps).containsExactly(Duration.ofSeconds(1), Duration.ofSeconds(2));
  }

  @Test
  void retriesStopAfterTheLastAttempt() {
    fx.linear.failNext(FakeFailure.serverError(), FakeFailure.serverError(), FakeFailure.serverError(),
        FakeFailure.serverError(), FakeFailure.serverError());

    TrackerException e = failure(() -> fx.tracker().self());

    assertThat(e.status()).isEqualTo(500);
    assertThat(e.getMessage()).contains("HTTP 500").contains("temporary outage");
    assertThat(fx.linear.requests()).hasSize(4);
  }

  @Test
  void aServerErrorOnAMutationIsNotRetriedBecauseItMayHaveBeenApplied() {
    fx.readyBug("Checkout crashes");
    LinearTracker tracker = fx.tracker();
    tracker.readyIssues();
    fx.linear.failNext(FakeFailure.serverError());

    TrackerException e = failure(() -> tracker.addComment(new IssueKey("linear", "ENG-1"), "hi"));

    assertThat(e.status()).isEqualTo(500);
    assertThat(fx.linear.requests("commentCreate")).isEqualTo(1);
    assertThat(fx.sleeps).isEmpty();
  }

  @Test
  void aQueryLinearRejectsIsReportedAsAnAegisBug() {
    fx.linear.failNext(FakeFailure.of(400, "{\"errors\":[{\"message\":\"Cannot query field \\\"foo\\\" on type"
        + " \\\"User\\\".\",\"extensions\":{\"code\":\"GRAPHQL_VALIDATION_FAILED\",\"type\":\"graphql error\"}}]}"));

    TrackerException e = failure(() -> fx.tracker().self());

    assertThat(e.status()).isEqualTo(400);
    assertThat(e.getMessage()).contains("rejected Aegis's Viewer query").contains("Cannot query field");
  }

  @Test
  void anUnreachableLinearIsRetriedThenReportedWithTheAddress() throws Exception {
    int port;
    try (ServerSocket socket = new ServerSocket(0)) {
      port = socket.getLocalPort();
    }
    LinearConnection nowhere = new LinearConnection(URI.create("http://127.0.0.1:" + port + "/graphql"), "k");

    TrackerException e = failure(() -> LinearTracker.teams(nowhere, fx.runtime()));

    assertThat(e.status()).isZero();
    assertThat(e.getMessage()).contains("Could not reach Linear at http://127.0.0.1:" + port);
    assertThat(fx.sleeps).hasSize(3);
  }

  private static TrackerException failure(ThrowingCallable call) {
    TrackerException e = catchThrowableOfType(TrackerException.class, call);
    assertThat(e).as("expected a TrackerException").isNotNull();
    return e;
  }
}
