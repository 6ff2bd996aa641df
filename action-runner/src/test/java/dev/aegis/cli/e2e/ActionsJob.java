package dev.aegis.cli.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.aegis.testkit.events.Events;
import dev.aegis.testkit.github.FakeRepository;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * One GitHub Actions job on a runner of its own, set up as the runner sets it up for the step that
 * {@code action.yml} runs: a checkout of the repository ({@code GITHUB_WORKSPACE}), the event file, empty
 * {@code GITHUB_OUTPUT} and {@code GITHUB_STEP_SUMMARY} files, {@code RUNNER_TEMP}, and a home of its own (so
 * no HTTP cache leaks between jobs). The action's inputs arrive as environment variables, blank when unset.
 */
final class ActionsJob {
  private final Path root;
  private final Path workspace;
  private final Path outputFile;
  private final Path summaryFile;
  private final Map<String, String> env = new LinkedHashMap<>();

  private ActionsJob(Path root) {
    this.root = root;
    this.workspace = root.resolve("workspace");
    this.outputFile = root.resolve("github_output");
    this.summaryFile = root.resolve("step_summary");
  }

  /**
   * A job for {@code repo} of the GitHub at {@code apiUrl}, in a new directory under {@code parent}, checked out
   * with {@code git clone}. Set {@code GITHUB_TOKEN} and {@code AEGIS_MODEL} (the action's inputs) with
   * {@link #env}.
   */
  static ActionsJob on(Path parent, String apiUrl, FakeRepository repo) {
    try {
      ActionsJob job = new ActionsJob(Files.createTempDirectory(parent, "job-"));
      Path temp = Files.createDirectories(job.root.resolve("runner_temp"));
      Path home = Files.createDirectories(job.root.resolve("home"));
      Files.createFile(job.outputFile);
      Files.createFile(job.summaryFile);
      git(job.root, "clone", "--quiet", repo.cloneUrl(), job.workspace.toString());
      job.env.put("PATH", System.getenv("PATH"));
      job.env.put("HOME", home.toString());
      job.env.put("CI", "true");
      job.env.put("GITHUB_ACTIONS", "true");
      job.env.put("GITHUB_REPOSITORY", repo.fullName());
      job.env.put("GITHUB_API_URL", apiUrl);
      job.env.put("GITHUB_WORKSPACE", job.workspace.toString());
      job.env.put("GITHUB_OUTPUT", job.outputFile.toString());
      job.env.put("GITHUB_STEP_SUMMARY", job.summaryFile.toString());
      job.env.put("RUNNER_TEMP", temp.toString());
      // The "Run Aegis" step of action.yml: inputs become these variables, blank when the workflow sets none.
      for (String input : List.of("GITHUB_TOKEN", "AEGIS_MODEL", "OPENAI_API_KEY", "ANTHROPIC_API_KEY",
          "AEGIS_MODEL_BASE_URL", "AEGIS_MODE", "AEGIS_MAX_CONCURRENT_RUNS", "AEGIS_LABELS_READY", "AEGIS_LABELS_BUG")) {
        job.env.put(input, "");
      }
      return job;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Delivers {@code payload} as the job's {@code name} event. */
  ActionsJob event(String name, JsonNode payload) {
    Events.write(payload, root.resolve("event.json"));
    return event(name, root.resolve("event.json"));
  }

  /** Delivers the raw text {@code payload} as the job's {@code name} event (for malformed payloads). */
  ActionsJob eventText(String name, String payload) {
    try {
      return event(name, Files.writeString(root.resolve("event.json"), payload, StandardCharsets.UTF_8));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private ActionsJob event(String name, Path file) {
    env.put("GITHUB_EVENT_NAME", name);
    env.put("GITHUB_EVENT_PATH", file.toString());
    return this;
  }

  /** Sets (or, with null, removes) one environment variable of the step. */
  ActionsJob env(String name, String value) {
    if (value == null) {
      env.remove(name);
    } else {
      env.put(name, value);
    }
    return this;
  }

  /** The checkout. */
  Path workspace() {
    return workspace;
  }

  /** The runner user's home. */
  Path home() {
    return root.resolve("home");
  }

  /** {@code aegis action} with extra arguments, ready to start. */
  AegisProcess action(String... extra) {
    String[] args = new String[extra.length + 1];
    args[0] = "action";
    System.arraycopy(extra, 0, args, 1, extra.length);
    return new AegisProcess(env, workspace, root, args);
  }

  /** Runs {@code aegis action} with extra arguments to its end. */
  AegisProcess.Result run(String... extra) {
    return action(extra).run();
  }

  /** The step outputs written so far, read as the runner reads {@code GITHUB_OUTPUT}. */
  Map<String, String> outputs() {
    return StepOutputs.parse(read(outputFile));
  }

  /** The job summary written so far. */
  String summary() {
    return read(summaryFile);
  }

  /** Every file the step wrote for the runner, for leak checks. */
  String files() {
    return read(outputFile) + read(summaryFile);
  }

  private static String read(Path file) {
    try {
      return Files.readString(file, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Runs git in {@code dir}, failing the test when it fails. */
  static void git(Path dir, String... args) {
    gitOutput(dir, args);
  }

  /** Runs git in {@code dir} and returns its standard output, failing the test when it fails. */
  static String gitOutput(Path dir, String... args) {
    List<String> command = new ArrayList<>(List.of("git"));
    command.addAll(List.of(args));
    try {
      Path out = Files.createTempFile(dir, "git-", ".out");
      Path err = Files.createTempFile(dir, "git-", ".err");
      Process p = new ProcessBuilder(command).directory(dir.toFile())
          .redirectOutput(out.toFile()).redirectError(err.toFile()).start();
      p.getOutputStream().close();
      boolean done = p.waitFor(30, TimeUnit.SECONDS);
      if (!done) {
        p.destroyForcibly();
      }
      String output = Files.readString(out, StandardCharsets.UTF_8);
      String errors = Files.readString(err, StandardCharsets.UTF_8);
      Files.delete(out);
      Files.delete(err);
      assertThat(done && p.exitValue() == 0).as("%s\n%s%s", command, output, errors).isTrue();
      return output;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new AssertionError(e);
    }
  }
}
