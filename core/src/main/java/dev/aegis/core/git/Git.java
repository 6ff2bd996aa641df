package dev.aegis.core.git;

import dev.aegis.core.policy.Programs;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/**
 * Runs Aegis's own {@code git} in one directory: the trusted binary ({@link Programs#requireGit()}), never
 * one found on {@code PATH}, with an environment built here and nothing of the caller's or the process's.
 * Git runs outside the sandbox with Aegis's rights, so nothing a command could have written may steer it:
 * <ul>
 *   <li>no system or global configuration ({@code GIT_CONFIG_NOSYSTEM}, {@code GIT_CONFIG_GLOBAL=/dev/null}),
 *       and a {@code HOME} and {@code XDG_CONFIG_HOME} of {@code /dev/null}, under which nothing can ever be
 *       created: a {@code ~/.gitconfig} with {@code filter.x.clean} or {@code core.pager} is never read;</li>
 *   <li>no system or global attributes file, so filters and textconv drivers named in attributes have no
 *       definition (the repository's own {@code .git/config} is read-only to commands);</li>
 *   <li>hooks, fsmonitor, pager and credential helpers off on every call; diffs are taken with
 *       {@code --no-ext-diff --no-textconv} (an empty {@code diff.external} would make git run "");</li>
 *   <li>never a prompt (no terminal, no askpass), and a token only for the one push or fetch that needs
 *       it, through a credential helper reading a file only this user can read ({@link Checkout}).</li>
 * </ul>
 */
public final class Git {
  private static final long TIMEOUT_SECONDS = 300;
  private static final List<String> HARDENED = List.of("-c", "core.hooksPath=/dev/null", "-c", "core.fsmonitor=false",
      "-c", "core.quotepath=off", "-c", "core.attributesFile=/dev/null", "-c", "core.pager=cat",
      "-c", "credential.helper=", "-c", "protocol.ext.allow=never", "-c", "safe.directory=*");

  private final Programs programs;
  private final Path dir;

  /**
   * @param programs where the trusted git is
   * @param dir the working tree or bare repository to run in
   */
  public Git(Programs programs, Path dir) {
    this.programs = Objects.requireNonNull(programs, "programs");
    this.dir = Objects.requireNonNull(dir, "dir");
  }

  /** The directory git runs in. */
  public Path dir() {
    return dir;
  }

  /** A git for another directory, with the same programs. */
  public Git in(Path other) {
    return new Git(programs, other);
  }

  /**
   * Runs git and returns its standard output, trimmed of the final newline.
   *
   * @throws GitException when git exits non-zero
   */
  public String run(String... args) {
    return run(List.of(args), Map.of(), null);
  }

  /**
   * Runs git with extra environment variables (an identity, say) and optional standard input.
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

  /** Runs git; its whole standard output, or empty when it fails or times out. */
  public Optional<String> query(List<String> args) {
    try {
      Result r = exec(args, Map.of(), null);
      return r.exitCode == 0 ? Optional.of(r.stdout) : Optional.empty();
    } catch (GitException | UncheckedIOException e) {
      return Optional.empty();
    }
  }

  /**
   * Runs git and hands each line of its standard output to {@code line}, as git prints it, until git ends or
   * {@code line} answers false (git is then stopped: a search with a million matches is not read whole).
   *
   * @return git's exit code, or empty when it was stopped early, timed out or could not start
   */
  public java.util.OptionalInt eachLine(List<String> args, java.util.function.Predicate<String> line) {
    List<String> command = new ArrayList<>();
    command.add(programs.requireGit().toString());
    command.addAll(HARDENED);
    command.addAll(args);
    ProcessBuilder pb = new ProcessBuilder(command).directory(dir.toFile())
        .redirectError(ProcessBuilder.Redirect.DISCARD)
        .redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null")));
    pb.environment().clear();
    pb.environment().putAll(environment());
    try {
      Process p = pb.start();
      boolean stopped = false;
      try (var reader = new java.io.BufferedReader(new java.io.InputStreamReader(p.getInputStream(),
          StandardCharsets.UTF_8), 1 << 16)) {
        for (String l = reader.readLine(); l != null; l = reader.readLine()) {
          if (!line.test(l)) {
            stopped = true;
            break;
          }
        }
      } finally {
        if (stopped) {
          p.destroyForcibly();
        }
      }
      if (stopped || !p.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
        p.destroyForcibly();
        return java.util.OptionalInt.empty();
      }
      return java.util.OptionalInt.of(p.exitValue());
    } catch (IOException e) {
      return java.util.OptionalInt.empty();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return java.util.OptionalInt.empty();
    }
  }

  /** The environment every git call gets (nothing else): see the class comment. */
  Map<String, String> environment() {
    Map<String, String> env = new HashMap<>();
    env.put("PATH", programs.searchPath());
    env.put("HOME", "/dev/null");
    env.put("XDG_CONFIG_HOME", "/dev/null");
    env.put("GIT_CONFIG_NOSYSTEM", "1");
    env.put("GIT_CONFIG_GLOBAL", "/dev/null");
    env.put("GIT_ATTR_NOSYSTEM", "1");
    env.put("GIT_TERMINAL_PROMPT", "0");
    env.put("GIT_ASKPASS", "");
    env.put("SSH_ASKPASS", "");
    env.put("GIT_PAGER", "cat");
    env.put("GIT_LITERAL_PATHSPECS", "1");
    env.put("LC_ALL", "C");
    return env;
  }

  private Result exec(List<String> args, Map<String, String> extraEnv, String stdin) {
    List<String> command = new ArrayList<>();
    command.add(programs.requireGit().toString());
    command.addAll(HARDENED);
    command.addAll(args);
    ProcessBuilder pb = new ProcessBuilder(command).directory(dir.toFile());
    Map<String, String> env = pb.environment();
    env.clear();
    env.putAll(environment());
    env.putAll(extraEnv);
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
      throw new UncheckedIOException("cannot start " + command.get(0) + " in " + dir
          + (dir.toFile().isDirectory() ? "" : " (the directory does not exist)"), e);
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

  private record Result(int exitCode, String stdout, String stderr) {}
}
