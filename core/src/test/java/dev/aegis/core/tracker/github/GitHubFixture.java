package dev.aegis.core.tracker.github;

import dev.aegis.testkit.github.FakeGitHub;
import dev.aegis.testkit.github.FakeRepository;
import dev.aegis.testkit.github.Role;
import java.net.URI;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

/**
 * A fake GitHub with one repository ({@code octo-org/app}), an Actions bot allowed to write, a fixed clock
 * shared with the adapter, and a sleeper that records instead of sleeping.
 */
final class GitHubFixture implements AutoCloseable {
  static final Instant NOW = Instant.parse("2026-11-21T12:00:00Z");
  static final String REPO = "octo-org/app";

  final Clock clock = Clock.fixed(NOW, ZoneOffset.UTC);
  final List<Duration> sleeps = new ArrayList<>();
  final FakeGitHub fake = FakeGitHub.start(clock);
  final FakeRepository repo = fake.createRepository(REPO);
  final String token = fake.newToken(FakeGitHub.ACTIONS_BOT);
  private final List<GitHubConnection> connections = new ArrayList<>();

  GitHubFixture() {
    repo.setPermission(FakeGitHub.ACTIONS_BOT, Role.WRITE);
  }

  GitHubSettings settings() {
    return GitHubSettings.of(REPO, token).withApiUrl(URI.create(fake.apiUrl()));
  }

  GitHubConnection connect() {
    return connect(settings());
  }

  GitHubConnection connect(GitHubSettings settings) {
    GitHubConnection connection = GitHubConnection.open(settings, clock, sleeps::add);
    connections.add(connection);
    return connection;
  }

  GitHubConnection connectWithCache(Path dir) {
    return connect(settings().withCacheDirectory(dir));
  }

  /** Fails when a request broke GitHub's published contract; closes the connections and the fake either way. */
  @Override
  public void close() {
    try {
      fake.assertNoContractViolations();
    } finally {
      connections.forEach(GitHubConnection::close);
      fake.close();
    }
  }
}
