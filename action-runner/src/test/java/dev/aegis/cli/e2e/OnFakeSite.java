package dev.aegis.cli.e2e;

import dev.aegis.testkit.github.FakeRepository;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.io.TempDir;

/**
 * Tests of the fat jar against one {@link FakeSite} per test class (classes run one at a time): each test gets a
 * fresh repository on it, what it holds ({@link #on}), and jobs for it. Closing the site after the class checks
 * that all its traffic kept to GitHub's description.
 */
abstract class OnFakeSite {
  static FakeSite site;

  @TempDir Path dir;
  FakeRepository repo;
  Observed on;

  @BeforeAll
  static void startFake() {
    site = FakeSite.start();
  }

  @AfterAll
  static void stopFake() {
    site.close();
  }

  @BeforeEach
  void freshRepository() {
    repo = site.newRepository();
    on = new Observed(site.fake, repo, dir);
  }

  /** A job of the Action for this test's repository (see {@link FakeSite#job}). */
  ActionsJob job() {
    return site.job(dir, repo);
  }
}
