package dev.aegis.core.git;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/**
 * Runs the {@code git} command line in one directory. Git never prompts (no terminal, no askpass), and the
 * environment it gets is the caller's explicit map plus git's own switches, so no token leaks into it by
 * accident. Repository content cannot make these calls run anything: hooks and fsmonitor are switched off
 * on every call, and diffs are taken with {@code --no-ext-diff --no-textconv}.
 */
public final class Git {
  private static final long TIMEOUT_SECONDS = 300;
  private static final List<String> HARDENED = List.of("git", "-c", "core.hooksPath=/dev/null",
      "-c", "core.fsmonitor=false", "-c", "core.quotepath=off");

  private final Path dir;
  private final Map<String, String> environment;

  /**
   * @param dir the working tree or bare repository to run in
   * @param environment the environment for git (PATH and HOME at least); never the full process environment
   */
  public Git(Path dir, Map<String, String> environment) {
    this.dir = Objects.requireNonNull(dir, "dir");
    this.environment = Map.copyOf(environment);
  }

  /** The directory git runs in. */
  public Path dir() {
    return dir;
  }

  /** Runs git and returns its standard output, trimmed of the final newline. */
  public String run(String... args) {
    return run(List.of(args), Map.of(), null);
  }

  /**
   * Runs git with extra environment variables and optional standard input.
   *
   * @throws GitException when git exits non-zero
   */
  public String run(List<String> args, Map<String, String> extraEnv, String stdin) {
    Result r = exec(args, extraEnv, stdin);
    if (r.exitCode != 0) {
      throw new GitException(args, r.exitCode, r.stderr);
    }
    return r.stdout.endsWith("\n") ? r.stdout.substring(0, r.stdout.length() - 1) : r.stdout;
  }

  /** Runs git and reports whether it exited zero (for questions like {@code merge-base --is-ancestor}). */
  public boolean succeeds(String... args) {
    return exec(List.of(args), Map.of(), null).exitCode == 0;
  }

  private Result exec(List<String> args, Map<String, String> extraEnv, String stdin) {
    List<String> command = new ArrayList<>(HARDENED);
    command.addAll(args);
    ProcessBuilder pb = new ProcessBuilder(command).directory(dir.toFile());
    Map<String, String> env = pb.environment();
    env.clear();
    env.putAll(environment);
    env.putAll(extraEnv);
    env.put("GIT_TERMINAL_PROMPT", "0");
    env.put("GIT_ASKPASS", "true");
    env.put("LC_ALL", "C");
    try {
      Process p = pb.start();
      CompletableFuture<String> out = drain(p.getInputStream());
      CompletableFuture<String> err = drain(p.getErrorStream());
      try (var in = p.getOutputStream()) {
        if (stdin != null) {
          in.write(stdin.getBytes(StandardCharsets.UTF_8));
        }
      }
      if (!p.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
        p.destroyForcibly();
        throw new GitException(args, -1, "timed out after " + TIMEOUT_SECONDS + " s");
      }
      return new Result(p.exitValue(), out.join(), err.join());
    } catch (IOException e) {
      if (!Files.isDirectory(dir)) {
        throw new UncheckedIOException("cannot run git in " + dir + ": the directory does not exist", e);
      }
      throw new UncheckedIOException("cannot start git (is it installed and on PATH?)", e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new GitException(args, -1, "interrupted");
    }
  }

  /** Reads a stream to its end on its own thread (the common pool may have one thread: two drains would deadlock). */
  private static CompletableFuture<String> drain(InputStream stream) {
    CompletableFuture<String> result = new CompletableFuture<>();
    Thread t = new Thread(() -> {
      try (stream) {
        result.complete(new String(stream.readAllBytes(), StandardCharsets.UTF_8));
      } catch (IOException e) {
        result.complete("");
      }
    }, "git-drain");
    t.setDaemon(true);
    t.start();
    return result;
  }

  /** The minimal environment git needs, taken from a process environment: PATH, HOME, TMPDIR, locale. */
  public static Map<String, String> baseEnvironment(Map<String, String> processEnv) {
    Map<String, String> env = new java.util.HashMap<>();
    for (String name : List.of("PATH", "HOME", "TMPDIR", "LANG", "USER")) {
      String v = processEnv.get(name);
      if (v != null) {
        env.put(name, v);
      }
    }
    env.putIfAbsent("PATH", "/usr/local/bin:/usr/bin:/bin");
    return env;
  }

  private record Result(int exitCode, String stdout, String stderr) {}
}
