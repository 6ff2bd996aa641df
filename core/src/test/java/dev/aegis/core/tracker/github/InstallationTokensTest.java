package dev.aegis.core.tracker.github;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.aegis.core.support.MutableClock;
import dev.aegis.core.tracker.IssueComment;
import dev.aegis.core.tracker.IssueKey;
import dev.aegis.core.tracker.TrackerException;
import dev.aegis.testkit.github.FakeApp;
import dev.aegis.testkit.github.FakeGitHub;
import dev.aegis.testkit.github.FakeRepository;
import dev.aegis.testkit.github.MintedToken;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * A GitHub App's id and private key in, short-lived installation tokens out, against a fake GitHub that verifies
 * the JWT's RS256 signature with the App's public key and lets tokens expire after an hour of its clock.
 */
class InstallationTokensTest {
  static final String REPO = "octo-org/app";
  final MutableClock clock = new MutableClock(Instant.now());
  final FakeGitHub fake = FakeGitHub.start(clock);
  final FakeRepository repo = fake.createRepository(REPO);
  final FakeApp app = fake.createApp("acme-aegis");

  @AfterEach
  void close() {
    try {
      fake.assertNoContractViolations();
    } finally {
      fake.close();
    }
  }

  private InstallationTokens tokens(FakeApp as, String pem) {
    return new InstallationTokens(GitHubApp.fromPem(String.valueOf(as.id()), pem), URI.create(fake.apiUrl()), REPO,
        clock);
  }

  @Test
  void aTokenIsNarrowedToTheOneRepositoryAndWhatAegisNeedsAndWritesAsTheAppsBot() {
    fake.installApp(app, repo);
    InstallationTokens tokens = tokens(app, app.privateKeyPem());

    assertThat(tokens.login()).isEqualTo("acme-aegis[bot]");
    String token = tokens.token();

    MintedToken minted = fake.mintedTokens().get(0);
    assertThat(minted.token()).isEqualTo(token);
    assertThat(minted.repositories()).containsExactly("app");
    assertThat(minted.permissions()).isEqualTo(Map.of("contents", "write", "issues", "write",
        "pull_requests", "write", "metadata", "read"));
    int issue = repo.addIssue("Crash", "It breaks.", "reporter", "bug");
    try (GitHubConnection c = GitHubConnection.open(GitHubSettings.of(REPO, token)
        .withApiUrl(URI.create(fake.apiUrl())).withIdentityLogin(tokens.login()), clock, d -> {}, tokens::token)) {
      c.tracker().identify();
      IssueComment comment = c.tracker().addComment(IssueKey.github(issue), "hello");
      assertThat(comment.author().login()).isEqualTo("acme-aegis[bot]");
    }
  }

  @Test
  void aTokenIsReplacedBeforeItExpiresSoALongRunNeverSendsAnExpiredOne() {
    fake.installApp(app, repo);
    InstallationTokens tokens = tokens(app, app.privateKeyPem());
    int issue = repo.addIssue("Crash", "It breaks.", "reporter", "bug");
    try (GitHubConnection c = GitHubConnection.open(GitHubSettings.of(REPO, tokens.token())
        .withApiUrl(URI.create(fake.apiUrl())), clock, d -> {}, tokens::token)) {
      String first = tokens.token();
      clock.advance(Duration.ofMinutes(45));
      assertThat(tokens.token()).as("45 minutes in, 15 left: still the same").isEqualTo(first);
      clock.advance(Duration.ofMinutes(6));
      String second = tokens.token();
      assertThat(second).as("under 10 minutes left: a new one").isNotEqualTo(first);
      clock.advance(Duration.ofMinutes(20));
      assertThat(c.tracker().comments(IssueKey.github(issue))).as("71 minutes in, the connection still works")
          .isEmpty();
      assertThat(fake.mintedTokens()).hasSize(2);
    }
    try (GitHubConnection stale = GitHubConnection.open(GitHubSettings.of(REPO, fake.mintedTokens().get(0).token())
        .withApiUrl(URI.create(fake.apiUrl())), clock, d -> {}, () -> fake.mintedTokens().get(0).token())) {
      assertThatThrownBy(() -> stale.tracker().comments(IssueKey.github(issue)))
          .as("the first token has expired on GitHub").isInstanceOfSatisfying(TrackerException.class,
              e -> assertThat(e.status()).isEqualTo(401));
    }
  }

  @Test
  void anAppThatIsNotInstalledOnTheRepositorySaysSo() {
    InstallationTokens tokens = tokens(app, app.privateKeyPem());

    assertThatThrownBy(tokens::token).isInstanceOf(TrackerException.class)
        .hasMessageContaining("is the App installed on octo-org/app?");
  }

  @Test
  void aKeyThatIsNotTheAppsIsRefusedWithWhatToCheck() {
    fake.installApp(app, repo);
    FakeApp other = fake.createApp("someone-else");
    InstallationTokens tokens = tokens(app, other.privateKeyPem());

    assertThatThrownBy(tokens::login).isInstanceOf(TrackerException.class)
        .hasMessageContaining("refused the App's JWT").hasMessageContaining("private key");
  }

  @Test
  void aPemThatIsNoPrivateKeySaysWhatGitHubGives() {
    assertThatThrownBy(() -> GitHubApp.fromPem("123", "ssh-rsa AAAA"))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("BEGIN RSA PRIVATE KEY");
    assertThat(GitHubApp.fromPem("123", app.privateKeyPem()).toString()).doesNotContain("PRIVATE").contains("***");
    assertThat(List.of(app.privateKeyPem().split("\n")).get(0)).isEqualTo("-----BEGIN RSA PRIVATE KEY-----");
  }
}
