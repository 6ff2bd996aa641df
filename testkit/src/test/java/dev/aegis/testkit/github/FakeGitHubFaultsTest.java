package dev.aegis.testkit.github;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.aegis.testkit.github.RawGitHub.Response;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Faults armed on the N-th request matching a method and path: before serving nothing happens, after serving
 * the write happens and only its answer is lost (an error status, silence past the read timeout, a closed
 * connection).
 */
class FakeGitHubFaultsTest {
  private static final String COMMENTS = "/repos/octo-org/app/issues/\\d+/comments";
  private static final Duration CLIENT_TIMEOUT = Duration.ofMillis(2000);

  private final AtomicReference<Instant> now = new AtomicReference<>(Instant.parse("2026-11-21T12:00:00Z"));
  private final Clock clock = new Clock() {
    @Override
    public ZoneId getZone() {
      return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
      return this;
    }

    @Override
    public Instant instant() {
      return now.get();
    }
  };
  private FakeGitHub fake;
  private FakeRepository repo;
  private RawGitHub api;
  private int issue;

  @BeforeEach
  void start() {
    fake = FakeGitHub.start(clock);
    repo = fake.createRepository("octo-org/app");
    repo.setPermission("maintainer", Role.MAINTAIN);
    String token = fake.newToken("maintainer");
    issue = repo.addIssue("Crash", "It crashes.", "maintainer");
    // the first request loads GitHub's OpenAPI description, which takes longer than the short timeout below
    new RawGitHub(fake.apiUrl(), token).get("/repos/octo-org/app/issues/" + issue + "/comments");
    fake.clearRequests();
    api = new RawGitHub(fake.apiUrl(), token, CLIENT_TIMEOUT);
  }

  @AfterEach
  void stop() {
    fake.close();
  }

  private Response comment(String body) {
    return api.post("/repos/octo-org/app/issues/" + issue + "/comments", Map.of("body", body));
  }

  @Test
  void onlyTheNthMatchingRequestFailsAndTheOthersAreServed() {
    ArmedFault fault = fake.failNth("POST", COMMENTS, 2, Fault.When.BEFORE, Fault.serviceUnavailable());

    Response first = comment("one");
    api.get("/repos/octo-org/app/issues/" + issue + "/comments");
    Response second = comment("two");
    Response third = comment("three");

    assertThat(first.status()).isEqualTo(201);
    assertThat(second.status()).isEqualTo(503);
    assertThat(second.json().path("message").asText()).isEqualTo("Service Unavailable");
    assertThat(third.status()).isEqualTo(201);
    assertThat(repo.comments(issue)).extracting(FakeComment::body).containsExactly("one", "three");
    assertThat(fault.fired()).isTrue();
    assertThat(fault.strikes()).isEqualTo(1);
    fake.assertNoContractViolations();
  }

  @Test
  void aFaultThatNeverMatchesNeverFires() {
    ArmedFault fault = fake.failNth("POST", "/repos/octo-org/app/pulls", 1, Fault.When.BEFORE, Fault.serverError());

    comment("one");

    assertThat(fault.fired()).isFalse();
  }

  @Test
  void anErrorAfterServingLosesOnlyTheAnswer() {
    fake.failNth("POST", COMMENTS, 1, Fault.When.AFTER, Fault.badGateway());

    Response lost = comment("made it");

    assertThat(lost.status()).isEqualTo(502);
    assertThat(repo.comments(issue)).extracting(FakeComment::body).containsExactly("made it");
    fake.assertNoContractViolations();
  }

  @Test
  void aTimeoutBeforeServingSendsNothingAndDoesNothing() {
    fake.failNth("POST", COMMENTS, 1, Fault.When.BEFORE, Fault.timeout(Duration.ofSeconds(3)));

    assertThatThrownBy(() -> comment("never")).isInstanceOf(UncheckedIOException.class)
        .hasMessageContaining("timed out");

    assertThat(repo.comments(issue)).isEmpty();
    assertThat(fake.requests()).last().extracting(RecordedRequest::status).isEqualTo(0);
  }

  @Test
  void aTimeoutAfterServingHoldsTheAnswerPastTheClientsReadTimeout() {
    fake.failNth("POST", COMMENTS, 1, Fault.When.AFTER, Fault.timeout(Duration.ofSeconds(3)));

    assertThatThrownBy(() -> comment("done, unheard")).isInstanceOf(UncheckedIOException.class)
        .hasMessageContaining("timed out");

    assertThat(repo.comments(issue)).extracting(FakeComment::body).containsExactly("done, unheard");
  }

  @Test
  void aResetClosesTheConnectionWithoutAnAnswer() {
    fake.failNth("POST", COMMENTS, 1, Fault.When.BEFORE, Fault.reset());
    fake.failNth("POST", COMMENTS, 1, Fault.When.AFTER, Fault.reset());

    assertThatThrownBy(() -> comment("dropped")).isInstanceOf(UncheckedIOException.class);
    assertThatThrownBy(() -> comment("kept")).isInstanceOf(UncheckedIOException.class);

    assertThat(repo.comments(issue)).extracting(FakeComment::body).containsExactly("kept");
    assertThat(fake.requests("POST", "/repos/{owner}/{repo}/issues/{issue_number}/comments"))
        .extracting(RecordedRequest::status).containsExactly(0, 0);
  }

  @Test
  void aSecondaryRateLimitSaysHowLongToWait() {
    fake.failNth("POST", COMMENTS, 1, Fault.When.BEFORE, Fault.tooManyRequests(Duration.ofSeconds(7)));

    Response limited = comment("later");

    assertThat(limited.status()).isEqualTo(429);
    assertThat(limited.header("retry-after")).isEqualTo("7");
    assertThat(repo.comments(issue)).isEmpty();
  }

  @Test
  void aPrimaryRateLimitRefusesEveryCallUntilItsReset() {
    fake.failNth("POST", COMMENTS, 1, Fault.When.BEFORE, Fault.rateLimited(Duration.ofSeconds(30)));

    Response limited = comment("first");
    Response stillLimited = api.get("/repos/octo-org/app");
    now.set(now.get().plusSeconds(31));
    Response afterReset = comment("second");

    assertThat(limited.status()).isEqualTo(403);
    assertThat(limited.header("x-ratelimit-remaining")).isEqualTo("0");
    assertThat(limited.header("x-ratelimit-reset")).isEqualTo(Long.toString(now.get().minusSeconds(1).getEpochSecond()));
    assertThat(stillLimited.status()).isEqualTo(403);
    assertThat(stillLimited.json().path("message").asText()).startsWith("API rate limit exceeded");
    assertThat(afterReset.status()).isEqualTo(201);
    assertThat(repo.comments(issue)).extracting(FakeComment::body).containsExactly("second");
  }
}
