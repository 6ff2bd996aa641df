package dev.aegis.cli.e2e;

import com.fasterxml.jackson.databind.JsonNode;
import dev.aegis.testkit.github.FakeGitHub;
import dev.aegis.testkit.github.FakeRepository;
import dev.aegis.testkit.github.Role;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * One fake GitHub shared by a test class (each test takes a fresh repository on it), the token the Action's
 * jobs use, and the model they plan with. Closing it checks that all traffic kept to GitHub's description.
 */
final class FakeSite implements AutoCloseable {
  /** The jobs' {@code GITHUB_TOKEN}; fixed so that a model script can echo it (see plan-echoing-secrets.json). */
  static final String TOKEN = "ghs_E2eTokenThatMustNeverLeak0123456789";
  private static final AtomicInteger REPOSITORIES = new AtomicInteger();

  final FakeGitHub fake;

  private FakeSite(FakeGitHub fake) {
    this.fake = fake;
  }

  static FakeSite start() {
    FakeSite site = new FakeSite(FakeGitHub.start());
    site.fake.addToken(TOKEN, FakeGitHub.ACTIONS_BOT);
    return site;
  }

  /** A new repository whose Actions identity may write, as the workflow's permissions grant. */
  FakeRepository newRepository() {
    FakeRepository repo = fake.createRepository("octo-org/shop-" + REPOSITORIES.incrementAndGet());
    repo.setPermission(FakeGitHub.ACTIONS_BOT, Role.WRITE);
    return repo;
  }

  /**
   * A job for {@code repo} in a new directory under {@code dir}. It plans with a one-step model script, so the
   * planning that follows every claim is fast and offline.
   */
  ActionsJob job(Path dir, FakeRepository repo) {
    return ActionsJob.on(dir, fake.apiUrl(), repo).env("GITHUB_TOKEN", TOKEN)
        .env("AEGIS_MODEL", script("plan-at-once.json"));
  }

  /** Stores the payload's issue (and comment) on the fake, as GitHub holds them when it sends the event. */
  JsonNode seed(JsonNode payload) {
    fake.seedFromEvent(payload);
    return payload;
  }

  /** The {@code AEGIS_MODEL} value for a model script among the test resources. */
  static String script(String name) {
    try {
      return "scripted/" + Path.of(FakeSite.class.getResource(name).toURI());
    } catch (URISyntaxException e) {
      throw new IllegalStateException(e);
    }
  }

  @Override
  public void close() {
    try {
      fake.assertNoContractViolations();
    } finally {
      fake.close();
    }
  }
}
