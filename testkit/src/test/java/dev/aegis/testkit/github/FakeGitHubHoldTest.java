package dev.aegis.testkit.github;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.aegis.testkit.github.RawGitHub.Response;
import dev.aegis.testkit.hold.HeldRequest;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** A held request waits for the test: released it is served, dropped it never happens. */
class FakeGitHubHoldTest {
  private static final String COMMENTS = "/repos/{owner}/{repo}/issues/{issue_number}/comments";
  private static final Duration WAIT = Duration.ofSeconds(10);

  private FakeGitHub fake;
  private FakeRepository repo;
  private RawGitHub api;
  private int issue;

  @BeforeEach
  void start() {
    fake = FakeGitHub.start();
    repo = fake.createRepository("octo-org/app");
    repo.setPermission("maintainer", Role.MAINTAIN);
    api = new RawGitHub(fake.apiUrl(), fake.newToken("maintainer"));
    issue = repo.addIssue("Crash", "It crashes.", "maintainer");
  }

  @AfterEach
  void stop() {
    fake.close();
  }

  private CompletableFuture<Response> postComment(String body) {
    return CompletableFuture.supplyAsync(
        () -> api.post("/repos/octo-org/app/issues/" + issue + "/comments", Map.of("body", body)));
  }

  @Test
  void aReleasedRequestIsServedOnlyAfterTheRelease() throws Exception {
    HeldRequest held = fake.holdNext("POST", COMMENTS);

    CompletableFuture<Response> call = postComment("first");
    held.awaitArrival(WAIT);

    assertThat(held.body()).contains("first");
    assertThat(call).isNotDone();
    assertThat(repo.comments(issue)).isEmpty();
    held.release();
    assertThat(call.get(10, TimeUnit.SECONDS).status()).isEqualTo(201);
    assertThat(repo.comments(issue)).extracting(FakeComment::body).containsExactly("first");
  }

  @Test
  void aDroppedRequestChangesNothingIsNotRecordedAndLaterCallsAreServed() throws Exception {
    HeldRequest held = fake.holdNext("POST", COMMENTS);

    CompletableFuture<Response> call = postComment("lost");
    held.awaitArrival(WAIT).drop();

    assertThat(call.get(10, TimeUnit.SECONDS).status()).isEqualTo(502);
    assertThat(postComment("kept").get(10, TimeUnit.SECONDS).status()).isEqualTo(201);
    assertThat(repo.comments(issue)).extracting(FakeComment::body).containsExactly("kept");
    assertThat(fake.count("POST", COMMENTS)).isEqualTo(1);
  }

  @Test
  void aHoldWithABodyFilterLetsOtherCallsOfTheRouteThrough() throws Exception {
    HeldRequest held = fake.holdNext("POST", COMMENTS, "second");

    assertThat(postComment("first").get(10, TimeUnit.SECONDS).status()).isEqualTo(201);
    CompletableFuture<Response> second = postComment("second");
    held.awaitArrival(WAIT);

    assertThat(repo.comments(issue)).extracting(FakeComment::body).containsExactly("first");
    held.release();
    assertThat(second.get(10, TimeUnit.SECONDS).status()).isEqualTo(201);
  }

  @Test
  void closingTheFakeDropsARequestStillParked() throws Exception {
    HeldRequest held = fake.holdNext("POST", COMMENTS);
    CompletableFuture<Response> call = postComment("parked");
    held.awaitArrival(WAIT);

    fake.close();

    // the client sees the 502 or the connection closing, whichever the stopping server gets to first
    assertThat(call.handle((response, error) -> error != null || response.status() == 502))
        .succeedsWithin(Duration.ofSeconds(10)).isEqualTo(true);
    assertThat(repo.comments(issue)).isEmpty();
  }

  @Test
  void waitingForARequestThatNeverComesFailsTheTest() {
    HeldRequest held = fake.holdNext("POST", "/repos/{owner}/{repo}/pulls");

    assertThatThrownBy(() -> held.awaitArrival(Duration.ofMillis(50)))
        .isInstanceOf(AssertionError.class)
        .hasMessageContaining("POST /repos/{owner}/{repo}/pulls");
  }
}
