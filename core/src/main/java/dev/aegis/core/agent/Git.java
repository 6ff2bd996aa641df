package dev.aegis.core.agent;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * Aegis's own git calls in the workspace (not the agent's): scrubbed environment, no hooks, no fsmonitor,
 * no external diff or textconv drivers, so repository content cannot make them run anything.
 */
final class Git {
  private static final List<String> SAFE = List.of("git", "-c", "core.hooksPath=/dev/null", "-c",
      "core.fsmonitor=false", "-c", "core.quotepath=off", "-c", "diff.external=", "-c", "safe.directory=*");

  private final Path workspace;
  private final Map<String, String> environment;

  Git(Path workspace, Map<String, String> environment) {
    this.workspace = workspace;
    this.environment = environment;
  }

  boolean isRepository() {
    return run(List.of("rev-parse", "--is-inside-work-tree")).filter(s -> s.trim().equals("true")).isPresent();
  }

  /** The file's content at {@code ref}, empty when absent. */
  Optional<String> show(String ref, String path) {
    return run(List.of("show", ref + ":" + path));
  }

  /** Tracked and untracked-but-not-ignored files, relative to the workspace. */
  Optional<List<String>> listFiles() {
    return run(List.of("ls-files", "--cached", "--others", "--exclude-standard", "-z"))
        .map(out -> List.of(out.split("\0")).stream().filter(s -> !s.isEmpty()).distinct().toList());
  }

  /** Paths changed or added since HEAD (what a fix touched). */
  List<String> changedFiles() {
    List<String> out = new ArrayList<>();
    run(List.of("status", "--porcelain", "-z", "--untracked-files=all")).ifPresent(text -> {
      for (String entry : text.split("\0")) {
        if (entry.length() > 3) {
          out.add(entry.substring(3));
        }
      }
    });
    return out;
  }

  Optional<String> diff(String path) {
    List<String> args = new ArrayList<>(List.of("diff", "--no-ext-diff", "--no-textconv", "HEAD"));
    if (path != null) {
      args.add("--");
      args.add(path);
    }
    return run(args);
  }

  Optional<String> statusShort() {
    return run(List.of("status", "--short", "--untracked-files=all"));
  }

  /** Runs git; empty when it fails or times out. */
  Optional<String> run(List<String> args) {
    List<String> argv = new ArrayList<>(SAFE);
    argv.addAll(args);
    Path out = null;
    try {
      out = Files.createTempFile("aegis-git", ".out");
      ProcessBuilder builder = new ProcessBuilder(argv).directory(workspace.toFile())
          .redirectOutput(out.toFile()).redirectError(ProcessBuilder.Redirect.DISCARD)
          .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")));
      builder.environment().clear();
      builder.environment().putAll(environment);
      builder.environment().put("GIT_TERMINAL_PROMPT", "0");
      Process process = builder.start();
      if (!process.waitFor(60, TimeUnit.SECONDS)) {
        process.destroyForcibly();
        return Optional.empty();
      }
      if (process.exitValue() != 0) {
        return Optional.empty();
      }
      return Optional.of(new String(Files.readAllBytes(out), StandardCharsets.UTF_8));
    } catch (IOException e) {
      return Optional.empty();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return Optional.empty();
    } finally {
      if (out != null) {
        out.toFile().delete();
      }
    }
  }
}
