package dev.aegis.core.host;

import static org.assertj.core.api.Assertions.assertThat;

import dev.aegis.core.tracker.Phase;
import dev.aegis.testkit.github.FakeComment;
import dev.aegis.testkit.github.Role;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A job learns who it is from GitHub before it writes, and checks what the run needs before it touches an issue.
 * GitHub's documented answers: {@code GET /user} names a personal access token's user and answers 403 "Resource
 * not accessible by integration" to installation tokens; every created comment names its author.
 */
class IdentityAndPreflightTest {
  @TempDir Path dir;
  LinearWorld w;

  @BeforeEach
  void world() {
    w = new LinearWorld(dir);
    w.set("trackers", "github").set("model", "scripted/demo-plan");
  }

  @AfterEach
  void close() {
    w.close();
  }

  private int readyBug() {
    return w.repo.addIssue("Cart total ignores the discount code", LinearWorld.DISCOUNT_BUG, "rick", "bug",
        "ready to implement");
  }

  private HostResult labelled(int number) {
    return w.githubEvent("issues", labelledPayload(number));
  }

  /** An {@code issues.labeled} payload for {@code number}, as GitHub sends it (the fields Aegis reads). */
  private static String labelledPayload(int number) {
    return "{\"action\":\"labeled\",\"label\":{\"name\":\"ready to implement\"},"
        + "\"issue\":{\"number\":" + number + ",\"title\":\"t\",\"state\":\"open\",\"labels\":[],"
        + "\"user\":{\"login\":\"rick\",\"type\":\"User\"}},\"repository\":{\"full_name\":\"" + LinearWorld.REPO + "\"},"
        + "\"sender\":{\"login\":\"maya\",\"type\":\"User\"}}";
  }

  private List<FakeComment> comments(int number) {
    return w.repo.comments(number);
  }

  @Test
  void aBotAccountsPersonalTokenWithoutAConfiguredLoginClaimsAndPlansAsThatAccount() {
    w.github.addUser("acme-aegis");
    w.repo.setPermission("acme-aegis", Role.WRITE);
    w.githubToken = w.github.newToken("acme-aegis");
    int bug = readyBug();

    HostResult first = labelled(bug);

    assertThat(first.outcome()).as(String.join("\n", w.lines)).isIn(HostResult.Outcome.OK);
    assertThat(comments(bug)).hasSize(1);
    assertThat(comments(bug).get(0).author()).isEqualTo("acme-aegis");
    assertThat(w.repo.issue(bug).orElseThrow().labels()).contains(Phase.AWAITING_APPROVAL.label());

    HostResult again = labelled(bug);
    assertThat(again.outcome()).isEqualTo(HostResult.Outcome.OK);
    assertThat(comments(bug)).as("a redelivery recognises Aegis's own status comment").hasSize(1);
  }

  @Test
  void aConfiguredLoginThatDisagreesWithTheTokenIsAConfigurationErrorAndNothingIsWritten() {
    w.github.addUser("acme-aegis");
    w.repo.setPermission("acme-aegis", Role.WRITE);
    w.githubToken = w.github.newToken("acme-aegis");
    w.set("github.login", "someone-else");
    int bug = readyBug();

    HostResult result = labelled(bug);

    assertThat(result.outcome()).isEqualTo(HostResult.Outcome.CONFIG_ERROR);
    assertThat(result.message()).contains("'someone-else'", "'acme-aegis'", "github.login");
    assertThat(comments(bug)).isEmpty();
    assertThat(w.repo.branchHead("aegis/" + bug)).isEmpty();
    assertThat(w.github.requests().stream().filter(r -> !r.method().equals("GET"))).isEmpty();
  }

  @Test
  void anAppTokenWhoseBotIsNotTheAssumedLoginIsCaughtAtTheFirstCommentWhichIsUndoneWithTheClaim() {
    w.github.addBot("acme-app[bot]");
    w.repo.setPermission("acme-app[bot]", Role.WRITE);
    w.githubToken = w.github.newToken("acme-app[bot]");
    int bug = readyBug();

    HostResult result = labelled(bug);

    assertThat(result.outcome()).isEqualTo(HostResult.Outcome.CONFIG_ERROR);
    assertThat(result.message()).contains("acme-app[bot]", "github.login: acme-app[bot]", "deleted");
    assertThat(comments(bug)).as("the status comment was deleted again").isEmpty();
    assertThat(w.repo.issue(bug).orElseThrow().labels()).doesNotContain(Phase.IN_PROGRESS.label());
    assertThat(w.github.requests("DELETE", "/repos/{owner}/{repo}/git/refs/{ref}")).hasSize(1);

    w.set("github.login", "acme-app[bot]");
    assertThat(labelled(bug).outcome()).isEqualTo(HostResult.Outcome.OK);
    assertThat(comments(bug)).hasSize(1);
    assertThat(labelled(bug).outcome()).isEqualTo(HostResult.Outcome.OK);
    assertThat(comments(bug)).hasSize(1);
  }

  @Test
  void aGitHubAppsIdAndKeyRunTheLoopOnInstallationTokensAsTheAppsBotWithoutAnyConfiguredLogin() {
    dev.aegis.testkit.github.FakeApp app = w.github.createApp("acme-aegis");
    w.github.installApp(app, w.repo);
    w.githubToken = "";
    w.env("AEGIS_GITHUB_APP_ID", String.valueOf(app.id())).env("AEGIS_GITHUB_APP_KEY", app.privateKeyPem());
    int bug = readyBug();

    HostResult first = labelled(bug);

    assertThat(first.outcome()).as(String.join("\n", w.lines)).isEqualTo(HostResult.Outcome.OK);
    assertThat(comments(bug)).hasSize(1).first().satisfies(c -> assertThat(c.author()).isEqualTo("acme-aegis[bot]"));
    assertThat(w.repo.issue(bug).orElseThrow().labels()).contains(Phase.AWAITING_APPROVAL.label());
    assertThat(w.github.mintedTokens()).hasSize(1).first()
        .satisfies(t -> assertThat(t.repositories()).containsExactly("shop"));
    assertThat(String.join("\n", w.lines)).doesNotContain(w.github.mintedTokens().get(0).token())
        .doesNotContain("PRIVATE KEY");
    labelled(bug);
    assertThat(comments(bug)).as("a redelivery recognises the App's own comment").hasSize(1);
  }

  @Test
  void theClaimsStatusCommentLinksTheWorkflowRunThatWroteIt() {
    int bug = readyBug();

    HostResult result = w.call(HostCommand.PICKUP, String.valueOf(bug), null, false, Map.of(
        "GITHUB_SERVER_URL", "https://github.com", "GITHUB_REPOSITORY", LinearWorld.REPO, "GITHUB_RUN_ID", "4242"));

    assertThat(result.outcome()).isEqualTo(HostResult.Outcome.OK);
    assertThat(comments(bug)).hasSize(1).first().satisfies(c -> assertThat(c.body())
        .contains("_Written by [workflow run 4242](https://github.com/" + LinearWorld.REPO + "/actions/runs/4242)._"));
  }

  @Test
  void aMissingModelKeyStopsTheJobBeforeTheClaimWithTheVariableNamed() {
    w.set("model", "anthropic/claude-sonnet-4-6");
    int bug = readyBug();

    HostResult result = w.call(HostCommand.ACTION, null, null, false, Map.of("GITHUB_EVENT_NAME", "issues",
        "GITHUB_EVENT_PATH", eventFile(bug).toString(), "ANTHROPIC_API_KEY", ""));

    assertThat(result.outcome()).isEqualTo(HostResult.Outcome.CONFIG_ERROR);
    assertThat(result.message()).contains("ANTHROPIC_API_KEY", "Nothing was claimed or written");
    assertThat(comments(bug)).isEmpty();
    assertThat(w.repo.issue(bug).orElseThrow().labels()).containsExactlyInAnyOrder("bug", "ready to implement");
    assertThat(w.github.requests().stream().filter(r -> !r.method().equals("GET"))).isEmpty();
  }

  @Test
  void aTokenThatCanOnlyReadStopsTheJobBeforeTheClaim() {
    w.github.addUser("reader");
    w.repo.setPermission("reader", Role.READ);
    w.githubToken = w.github.newToken("reader");
    int bug = readyBug();

    HostResult result = labelled(bug);

    assertThat(result.outcome()).isEqualTo(HostResult.Outcome.CONFIG_ERROR);
    assertThat(result.message()).contains("not push");
    assertThat(comments(bug)).isEmpty();
  }

  private Path eventFile(int number) {
    try {
      Path f = dir.resolve("event-" + number + ".json");
      java.nio.file.Files.writeString(f, labelledPayload(number));
      return f;
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }
}
