package dev.aegis.testkit.github;

import static org.assertj.core.api.Assertions.assertThat;

import dev.aegis.testkit.events.Events;
import dev.aegis.testkit.github.RawGitHub.Response;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The fake behaves like GitHub where clients can tell: auth, rate limits, caching, paging, faults, roles. */
class FakeGitHubBehaviourTest {
  private static final String ISSUES = "/repos/{owner}/{repo}/issues";

  private FakeGitHub fake;
  private FakeRepository repo;
  private String token;
  private RawGitHub api;

  @BeforeEach
  void start() {
    fake = FakeGitHub.start();
    repo = fake.createRepository("octo-org/app");
    token = fake.newToken("maintainer");
    repo.setPermission("maintainer", Role.MAINTAIN);
    api = new RawGitHub(fake.apiUrl(), token);
  }

  @AfterEach
  void stop() {
    fake.close();
  }

  @Test
  void unknownOrMissingTokenGets401WithGitHubsErrorBody() {
    Response unknown = new RawGitHub(fake.apiUrl(), "ghp_not-a-token").get("/repos/octo-org/app");
    Response missing = new RawGitHub(fake.apiUrl(), null).get("/repos/octo-org/app");

    assertThat(unknown.status()).isEqualTo(401);
    assertThat(unknown.json().path("message").asText()).isEqualTo("Bad credentials");
    assertThat(unknown.json().path("documentation_url").asText()).startsWith("https://docs.github.com/");
    assertThat(missing.status()).isEqualTo(401);
    fake.assertNoContractViolations();
  }

  @Test
  void everyCallSpendsBudgetAndReportsItInHeaders() {
    Response first = api.get("/repos/octo-org/app");
    Response second = api.get("/repos/octo-org/app/labels");

    assertThat(first.header("x-ratelimit-limit")).isEqualTo("5000");
    assertThat(first.header("x-ratelimit-remaining")).isEqualTo("4999");
    assertThat(second.header("x-ratelimit-remaining")).isEqualTo("4998");
    assertThat(Long.parseLong(second.header("x-ratelimit-reset"))).isGreaterThan(Instant.now().getEpochSecond());
    assertThat(fake.rateLimitRemaining("maintainer")).isEqualTo(4998);
  }

  @Test
  void conditionalGetWithMatchingEtagIs304AndFree() {
    repo.addIssue("One", "body", "alice", "bug");
    Response first = api.get("/repos/octo-org/app/issues");
    String etag = first.header("ETag");

    Response again = api.get("/repos/octo-org/app/issues", Map.of("If-None-Match", etag));
    repo.addIssue("Two", "body", "alice", "bug");
    Response changed = api.get("/repos/octo-org/app/issues", Map.of("If-None-Match", etag));

    assertThat(etag).startsWith("W/\"");
    assertThat(again.status()).isEqualTo(304);
    assertThat(again.raw().body()).isEmpty();
    assertThat(again.header("x-ratelimit-remaining")).isEqualTo(first.header("x-ratelimit-remaining"));
    assertThat(changed.status()).isEqualTo(200);
    assertThat(changed.json()).hasSize(2);
    fake.assertNoContractViolations();
  }

  @Test
  void exhaustedBudgetIsRefusedWith403AndTheResetTime() {
    Instant reset = Instant.now().plusSeconds(600);
    fake.setRateLimit("maintainer", 0, reset);

    Response refused = api.get("/repos/octo-org/app");

    assertThat(refused.status()).isEqualTo(403);
    assertThat(refused.json().path("message").asText()).startsWith("API rate limit exceeded");
    assertThat(refused.header("x-ratelimit-remaining")).isEqualTo("0");
    assertThat(refused.header("x-ratelimit-reset")).isEqualTo(Long.toString(reset.getEpochSecond()));
  }

  @Test
  void armedFaultsAnswerTheNextCallsOfThatRouteOnly() {
    fake.failNext("GET", ISSUES, 2, Fault.serverError());
    fake.failNext("GET", "/repos/{owner}/{repo}/labels", 1, Fault.tooManyRequests(Duration.ofSeconds(7)));
    fake.failNext("GET", "/repos/{owner}/{repo}", 1, Fault.rateLimited(Duration.ofMinutes(5)));

    assertThat(api.get("/repos/octo-org/app/issues").status()).isEqualTo(500);
    assertThat(api.get("/repos/octo-org/app/issues").status()).isEqualTo(500);
    assertThat(api.get("/repos/octo-org/app/issues").status()).isEqualTo(200);
    Response secondary = api.get("/repos/octo-org/app/labels");
    assertThat(secondary.status()).isEqualTo(429);
    assertThat(secondary.header("retry-after")).isEqualTo("7");
    Response primary = api.get("/repos/octo-org/app");
    assertThat(primary.status()).isEqualTo(403);
    assertThat(primary.header("x-ratelimit-remaining")).isEqualTo("0");
    assertThat(Long.parseLong(primary.header("x-ratelimit-reset")))
        .isBetween(Instant.now().plusSeconds(290).getEpochSecond(), Instant.now().plusSeconds(310).getEpochSecond());
    assertThat(fake.count("GET", ISSUES)).isEqualTo(3);
  }

  @Test
  void listingsArePagedWithLinkHeaders() {
    for (int i = 1; i <= 5; i++) {
      repo.addIssue("Issue " + i, "body", "alice", "bug");
    }
    Response first = api.get("/repos/octo-org/app/issues?per_page=2&direction=asc");
    String next = first.header("Link").replaceAll("^<([^>]+)>; rel=\"next\".*$", "$1");
    Response second = api.get(next);

    assertThat(first.json()).extracting(n -> n.path("number").asInt()).containsExactly(1, 2);
    assertThat(first.header("Link")).contains("rel=\"last\"").contains("page=3");
    assertThat(second.json()).extracting(n -> n.path("number").asInt()).containsExactly(3, 4);
    fake.assertNoContractViolations();
  }

  @Test
  void issueListingFiltersByAllLabelsStateAndSince() {
    int ready = repo.addIssue("Ready", "b", "alice", "bug", "Ready to implement");
    repo.addIssue("Bug only", "b", "alice", "bug");
    int closed = repo.addIssue("Closed", "b", "alice", "bug", "ready to implement");
    api.patch("/repos/octo-org/app/issues/" + closed, Map.of("state", "closed"));

    Response open = api.get("/repos/octo-org/app/issues?labels=bug,ready%20to%20implement&state=open");
    Response all = api.get("/repos/octo-org/app/issues?labels=bug&state=all");
    Response future = api.get("/repos/octo-org/app/issues?since=2999-01-01T00:00:00Z");

    assertThat(open.json()).extracting(n -> n.path("number").asInt()).containsExactly(ready);
    assertThat(all.json()).hasSize(3);
    assertThat(future.json()).isEmpty();
    fake.assertNoContractViolations();
  }

  @Test
  void requestLogRecordsRoutesButNeverTheToken() {
    api.get("/repos/octo-org/app/issues?per_page=100");

    RecordedRequest logged = fake.requests().get(0);
    assertThat(logged.route()).isEqualTo(ISSUES);
    assertThat(logged.query()).isEqualTo("per_page=100");
    assertThat(logged.login()).isEqualTo("maintainer");
    assertThat(fake.requests().toString()).doesNotContain(token);
  }

  @Test
  void callerWithoutTheRoleIsRefusedLikeAnIntegration() {
    String bot = fake.newToken(FakeGitHub.ACTIONS_BOT);
    repo.setPermission(FakeGitHub.ACTIONS_BOT, Role.READ);
    int issue = repo.addIssue("One", "b", "alice");

    Response refused = new RawGitHub(fake.apiUrl(), bot)
        .post("/repos/octo-org/app/issues/" + issue + "/labels", Map.of("labels", List.of("x")));

    assertThat(refused.status()).isEqualTo(403);
    assertThat(refused.json().path("message").asText()).isEqualTo("Resource not accessible by integration");
    assertThat(repo.issue(issue).orElseThrow().labels()).isEmpty();
  }

  @Test
  void privateRepositoryIsInvisibleToStrangers() {
    repo.setPrivate(true);
    RawGitHub stranger = new RawGitHub(fake.apiUrl(), fake.newToken("stranger"));

    assertThat(stranger.get("/repos/octo-org/app").status()).isEqualTo(404);
    assertThat(api.get("/repos/octo-org/app/collaborators/stranger/permission").json().path("permission").asText())
        .isEqualTo("none");
  }

  @Test
  void webhookPayloadSeedsIssueAndCommentUnderTheirOwnIds() {
    var payload = Events.json("issue_comment.created");
    FakeRepository seeded = fake.seedFromEvent(payload);
    int number = payload.path("issue").path("number").asInt();
    long commentId = payload.path("comment").path("id").asLong();

    Response issue = new RawGitHub(fake.apiUrl(), fake.newToken("someone"))
        .get("/repos/" + seeded.fullName() + "/issues/" + number);
    Response comment = new RawGitHub(fake.apiUrl(), fake.newToken("someone"))
        .get("/repos/" + seeded.fullName() + "/issues/comments/" + commentId);

    assertThat(issue.json().path("title").asText()).isEqualTo(payload.path("issue").path("title").asText());
    assertThat(comment.json().path("user").path("login").asText())
        .isEqualTo(payload.path("comment").path("user").path("login").asText());
    assertThat(seeded.addIssue("next", "b", "alice")).isGreaterThan(number);
    fake.assertNoContractViolations();
  }
}
