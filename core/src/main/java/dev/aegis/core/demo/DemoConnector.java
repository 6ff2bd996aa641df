package dev.aegis.core.demo;

import dev.aegis.core.config.AegisConfig;
import dev.aegis.core.git.Git;
import dev.aegis.core.host.Connection;
import dev.aegis.core.host.Connector;
import dev.aegis.core.repo.local.LocalCodeHost;
import dev.aegis.core.tracker.memory.InMemoryTracker;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Connects to the built-in demo: the in-memory {@link DemoTracker} and a code host over a throw-away local
 * bare repository. Needs no credentials and no network.
 */
public final class DemoConnector implements Connector {
  private final Path dir;
  private final Clock clock;
  private InMemoryTracker tracker;
  private LocalCodeHost code;

  /** @param dir a scratch directory for the demo's bare repository */
  public DemoConnector(Path dir, Clock clock) {
    this.dir = Objects.requireNonNull(dir, "dir");
    this.clock = Objects.requireNonNull(clock, "clock");
  }

  @Override
  public synchronized Connection connect(AegisConfig config, Map<String, String> environment) {
    if (tracker == null) {
      tracker = DemoTracker.create(clock, config.readyLabel(), config.bugLabel());
      code = new LocalCodeHost(DemoTracker.REPOSITORY, bareRepo(Git.baseEnvironment(environment)),
          Git.baseEnvironment(environment));
    }
    return new Connection(tracker, code);
  }

  /** The demo tracker, once connected. */
  public synchronized InMemoryTracker tracker() {
    return tracker;
  }

  private Path bareRepo(Map<String, String> env) {
    Path bare = dir.resolve("shop.git");
    try {
      Files.createDirectories(dir);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    Git git = new Git(dir, env);
    git.run("init", "-q", "--bare", "--initial-branch=main", bare.toString());
    Git repo = new Git(bare, env);
    String blob = repo.run(List.of("hash-object", "-w", "--stdin"), Map.of(), "# shop\n");
    String tree = repo.run(List.of("mktree"), Map.of(), "100644 blob " + blob + "\tREADME.md\n");
    String commit = repo.run(List.of("commit-tree", tree, "-m", "initial commit"), Map.of(
        "GIT_AUTHOR_NAME", "Demo", "GIT_AUTHOR_EMAIL", "demo@example.com",
        "GIT_COMMITTER_NAME", "Demo", "GIT_COMMITTER_EMAIL", "demo@example.com"), null);
    repo.run("update-ref", "refs/heads/main", commit);
    return bare;
  }
}
