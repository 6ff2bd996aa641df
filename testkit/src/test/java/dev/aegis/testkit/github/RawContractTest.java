package dev.aegis.testkit.github;

import static org.assertj.core.api.Assertions.assertThat;

import dev.aegis.testkit.github.RawGitHub.Response;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Every operation the fake serves, called over plain HTTP the way GitHub's documentation shows, with every
 * request and response checked against GitHub's OpenAPI description.
 */
class RawContractTest {
  private FakeGitHub fake;
  private FakeRepository repo;
  private RawGitHub api;

  @BeforeEach
  void start() {
    fake = FakeGitHub.start();
    repo = fake.createRepository("octo-org/app");
    String token = fake.newToken("maintainer");
    repo.setPermission("maintainer", Role.ADMIN);
    api = new RawGitHub(fake.apiUrl(), token);
  }

  @AfterEach
  void stop() {
    fake.close();
  }

  @Test
  void everyIssueLabelAndCommentOperationSpeaksGitHub() {
    String r = "/repos/octo-org/app";
    assertThat(api.get(r).json().path("default_branch").asText()).isEqualTo("main");
    assertThat(api.post(r + "/labels", Map.of("name", "aegis:in-progress", "color", "1d76db",
        "description", "Aegis is working on it")).status()).isEqualTo(201);
    assertThat(api.get(r + "/labels/aegis:in-progress").status()).isEqualTo(200);
    assertThat(api.get(r + "/labels?per_page=100").json()).hasSize(1);

    Response created = api.post(r + "/issues", Map.of("title", "Crash on save", "body", "It crashes",
        "labels", List.of("bug")));
    assertThat(created.status()).isEqualTo(201);
    int n = created.json().path("number").asInt();
    assertThat(api.get(r + "/issues/" + n).json().path("title").asText()).isEqualTo("Crash on save");
    assertThat(api.patch(r + "/issues/" + n, Map.of("body", "It crashes on save")).status()).isEqualTo(200);
    assertThat(api.get(r + "/issues?state=open&labels=bug&per_page=100&sort=created&direction=asc").json())
        .hasSize(1);

    assertThat(api.post(r + "/issues/" + n + "/labels", Map.of("labels", List.of("ready to implement")))
        .json()).hasSize(2);
    assertThat(api.put(r + "/issues/" + n + "/labels", Map.of("labels", List.of("bug", "aegis:in-progress")))
        .json()).hasSize(2);
    assertThat(api.get(r + "/issues/" + n + "/labels").json()).hasSize(2);
    assertThat(api.delete(r + "/issues/" + n + "/labels/aegis:in-progress").json()).hasSize(1);
    assertThat(api.delete(r + "/issues/" + n + "/labels/missing").status()).isEqualTo(404);

    Response comment = api.post(r + "/issues/" + n + "/comments", Map.of("body", "Looking"));
    assertThat(comment.status()).isEqualTo(201);
    long id = comment.json().path("id").asLong();
    assertThat(api.get(r + "/issues/" + n + "/comments?per_page=100").json()).hasSize(1);
    assertThat(api.get(r + "/issues/comments?since=2000-01-01T00:00:00Z&per_page=100").json()).hasSize(1);
    assertThat(api.get(r + "/issues/comments/" + id).status()).isEqualTo(200);
    assertThat(api.patch(r + "/issues/comments/" + id, Map.of("body", "Looking (edited)")).status())
        .isEqualTo(200);
    assertThat(api.post(r + "/issues/comments/" + id + "/reactions", Map.of("content", "eyes")).status())
        .isEqualTo(201);
    assertThat(api.post(r + "/issues/comments/" + id + "/reactions", Map.of("content", "eyes")).status())
        .isEqualTo(200);
    assertThat(api.get(r + "/issues/comments/" + id + "/reactions").json()).hasSize(1);

    fake.assertNoContractViolations();
  }

  @Test
  void everyGitPullVariableAndAccountOperationSpeaksGitHub() {
    String r = "/repos/octo-org/app";
    String main = api.get(r + "/git/ref/heads/main").json().path("object").path("sha").asText();
    Response commit = api.get(r + "/git/commits/" + main);
    String tree = commit.json().path("tree").path("sha").asText();
    Response next = api.post(r + "/git/commits", Map.of("message", "Fix crash", "tree", tree,
        "parents", List.of(main)));
    assertThat(next.status()).isEqualTo(201);
    String sha = next.json().path("sha").asText();
    assertThat(api.post(r + "/git/refs", Map.of("ref", "refs/heads/aegis/1-crash", "sha", main)).status())
        .isEqualTo(201);
    assertThat(api.post(r + "/git/refs", Map.of("ref", "refs/heads/aegis/1-crash", "sha", main)).status())
        .isEqualTo(422);
    assertThat(api.patch(r + "/git/refs/heads/aegis/1-crash", Map.of("sha", sha, "force", false)).status())
        .isEqualTo(200);
    assertThat(api.get(r + "/git/ref/heads/aegis/1-crash").json().path("object").path("sha").asText())
        .isEqualTo(sha);

    Response pr = api.post(r + "/pulls", Map.of("title", "Fix crash", "head", "aegis/1-crash", "base", "main",
        "body", "Fixes #1"));
    assertThat(pr.status()).isEqualTo(201);
    int number = pr.json().path("number").asInt();
    assertThat(api.get(r + "/pulls/" + number).json().path("head").path("ref").asText()).isEqualTo("aegis/1-crash");
    assertThat(api.get(r + "/pulls?head=octo-org:aegis/1-crash&state=open").json()).hasSize(1);
    assertThat(api.post(r + "/issues/" + number + "/labels", Map.of("labels", List.of("aegis"))).status())
        .isEqualTo(200);
    assertThat(api.delete(r + "/git/refs/heads/aegis/1-crash").status()).isEqualTo(204);
    assertThat(api.get(r + "/git/ref/heads/aegis/1-crash").status()).isEqualTo(404);

    assertThat(api.post(r + "/actions/variables", Map.of("name", "AEGIS_MAX_CONCURRENT_RUNS", "value", "0"))
        .status()).isEqualTo(201);
    assertThat(api.patch(r + "/actions/variables/AEGIS_MAX_CONCURRENT_RUNS", Map.of("value", "2")).status())
        .isEqualTo(204);
    assertThat(api.get(r + "/actions/variables/AEGIS_MAX_CONCURRENT_RUNS").json().path("value").asText())
        .isEqualTo("2");
    assertThat(api.get(r + "/actions/variables").json().path("total_count").asInt()).isEqualTo(1);

    fake.addUser("outsider");
    assertThat(api.get(r + "/collaborators/maintainer/permission").json().path("role_name").asText())
        .isEqualTo("admin");
    assertThat(api.get(r + "/collaborators/outsider/permission").json().path("permission").asText())
        .isEqualTo("read");
    assertThat(api.get(r + "/collaborators/nobody-here/permission").status()).isEqualTo(404);
    assertThat(api.get("/rate_limit").json().path("rate").path("limit").asInt()).isEqualTo(5000);

    fake.assertNoContractViolations();
  }

  @Test
  void matchingRefsListsBranchesByPlainNamePrefix() {
    String r = "/repos/octo-org/app";
    String main = api.get(r + "/git/ref/heads/main").json().path("object").path("sha").asText();
    for (String branch : List.of("aegis/1-crash", "aegis/2-typo", "aegisx", "feature")) {
      api.post(r + "/git/refs", Map.of("ref", "refs/heads/" + branch, "sha", main));
    }

    Response matching = api.get(r + "/git/matching-refs/heads/aegis");

    assertThat(matching.status()).isEqualTo(200);
    assertThat(matching.json().findValuesAsText("ref"))
        .containsExactly("refs/heads/aegis/1-crash", "refs/heads/aegis/2-typo", "refs/heads/aegisx");
    assertThat(api.get(r + "/git/matching-refs/heads/nothing-like-this").json()).isEmpty();
    fake.assertNoContractViolations();
  }

  @Test
  void theAuthenticatedUserIsAPersonAndAppTokensAreRefusedAsOnGitHub() {
    Response person = api.get("/user");
    Response bot = new RawGitHub(fake.apiUrl(), fake.newToken(FakeGitHub.ACTIONS_BOT)).get("/user");
    Response nobody = new RawGitHub(fake.apiUrl(), "ghp_not-a-token").get("/user");

    assertThat(person.status()).isEqualTo(200);
    assertThat(person.json().path("login").asText()).isEqualTo("maintainer");
    assertThat(bot.status()).isEqualTo(403);
    assertThat(bot.json().path("message").asText()).isEqualTo("Resource not accessible by integration");
    assertThat(nobody.status()).isEqualTo(401);
    fake.assertNoContractViolations();
  }

  @Test
  void enterprisePrefixServesTheSameApi() {
    RawGitHub ghes = new RawGitHub(fake.enterpriseApiUrl(), fake.newToken("maintainer"));
    repo.addIssue("One", "body", "alice", "bug");
    Response issues = ghes.get("/repos/octo-org/app/issues?per_page=100");
    assertThat(issues.json().get(0).path("url").asText())
        .startsWith(fake.enterpriseApiUrl() + "/repos/octo-org/app/issues/");
    fake.assertNoContractViolations();
  }
}
