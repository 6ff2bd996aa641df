package dev.aegis.core.demo;

import dev.aegis.core.git.Git;
import dev.aegis.core.policy.Programs;
import dev.aegis.core.repo.local.LocalCodeHost;
import dev.aegis.core.tracker.memory.InMemoryTracker;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Map;

/**
 * The demo's world on disk and in memory: the sample {@code shop} project committed to a local bare
 * repository ({@code origin}), a checkout of it (the CI job's workspace), and the demo tracker.
 *
 * @param origin the bare repository
 * @param workspace the checkout Aegis works in
 * @param tracker the in-memory tracker with the sample issues
 * @param code the code host over {@code origin}
 */
public record DemoWorld(Path origin, Path workspace, InMemoryTracker tracker, LocalCodeHost code) {
  private static final Map<String, String> AUTHOR = Map.of(
      "GIT_AUTHOR_NAME", "Dana Maintainer", "GIT_AUTHOR_EMAIL", "dana@example.com",
      "GIT_COMMITTER_NAME", "Dana Maintainer", "GIT_COMMITTER_EMAIL", "dana@example.com");

  /** Builds the world under {@code dir}, which must be empty or absent. */
  public static DemoWorld create(Path dir, Programs programs, Clock clock) {
    Git git = new Git(programs, dir);
    Path origin = dir.resolve("shop.git");
    Path workspace = dir.resolve("workspace");
    try {
      Files.createDirectories(workspace);
      writeProject(workspace);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write the demo project under " + dir, e);
    }
    git.run("init", "-q", "--bare", "--initial-branch=main", origin.toString());
    Git ws = git.in(workspace);
    ws.run("init", "-q", "--initial-branch=main");
    ws.run("add", "--all");
    ws.run(List.of("commit", "-q", "-m", "shop: cart totals with discount codes"), AUTHOR, null);
    ws.run("remote", "add", "origin", origin.toString());
    ws.run("push", "-q", "origin", "main");
    ws.run("fetch", "-q", "origin");
    InMemoryTracker tracker = DemoTracker.create(clock, "ready to implement", "bug");
    return new DemoWorld(origin, workspace, tracker, new LocalCodeHost(DemoTracker.REPOSITORY, origin, git));
  }

  private static void writeProject(Path workspace) throws IOException {
    for (String file : read("shop/files.txt").split("\n")) {
      if (!file.isBlank()) {
        Path target = workspace.resolve(file.strip());
        Files.createDirectories(target.getParent());
        Files.writeString(target, read("shop/" + file.strip()), StandardCharsets.UTF_8);
      }
    }
  }

  private static String read(String resource) throws IOException {
    try (InputStream in = DemoWorld.class.getResourceAsStream(resource)) {
      if (in == null) {
        throw new IOException("the demo resource " + resource + " is missing from the Aegis jar");
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
  }
}
