package dev.aegis.cli.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import dev.aegis.cli.AegisJar;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.TimeUnit;

/**
 * Runs the built fat jar as its own process, as {@code action.yml} does ({@code java -jar aegis.jar ...}), with
 * exactly the environment given (nothing is inherited) and a time limit. Output goes to files, so a chatty
 * process never blocks on a full pipe.
 */
final class AegisProcess {
  /** Far above a normal run (about a second); reached only when the process hangs. */
  static final Duration TIMEOUT = Duration.ofSeconds(60);

  private final Map<String, String> environment;
  private final Path directory;
  private final Path scratch;
  private final List<String> args;

  /**
   * @param environment the whole environment of the process
   * @param directory its working directory
   * @param scratch where its {@code stdout} and {@code stderr} files go
   * @param args arguments after {@code -jar aegis.jar}
   */
  AegisProcess(Map<String, String> environment, Path directory, Path scratch, String... args) {
    this.environment = Map.copyOf(environment);
    this.directory = Objects.requireNonNull(directory, "directory");
    this.scratch = Objects.requireNonNull(scratch, "scratch");
    this.args = List.of(args);
  }

  /** Starts the process; {@link Running#await()} waits for it. */
  Running start() {
    List<String> command = AegisJar.command(args.toArray(String[]::new));
    try {
      Path out = Files.createTempFile(scratch, "stdout-", ".txt");
      Path err = Files.createTempFile(scratch, "stderr-", ".txt");
      ProcessBuilder builder = new ProcessBuilder(command).directory(directory.toFile())
          .redirectOutput(out.toFile()).redirectError(err.toFile());
      builder.environment().clear();
      builder.environment().putAll(environment);
      Process process = builder.start();
      process.getOutputStream().close(); // no input, as on a runner
      return new Running(process, out, err, String.join(" ", args));
    } catch (IOException e) {
      throw new UncheckedIOException("cannot start " + command, e);
    }
  }

  /** Runs the process to its end. */
  Result run() {
    return start().await();
  }

  /** A started process. */
  static final class Running {
    private final Process process;
    private final Path out;
    private final Path err;
    private final String description;

    private Running(Process process, Path out, Path err, String description) {
      this.process = process;
      this.out = out;
      this.err = err;
      this.description = description;
    }

    /** Waits for the end (failing the test after {@link #TIMEOUT}) and returns what it printed. */
    Result await() {
      try {
        if (!process.waitFor(TIMEOUT.toSeconds(), TimeUnit.SECONDS)) {
          process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
          throw new AssertionError("'aegis " + description + "' did not end within " + TIMEOUT.toSeconds()
              + " s.\nstdout:\n" + read(out) + "\nstderr:\n" + read(err));
        }
      } catch (InterruptedException e) {
        process.destroyForcibly();
        Thread.currentThread().interrupt();
        throw new AssertionError("interrupted while waiting for 'aegis " + description + "'", e);
      }
      return new Result(process.exitValue(), read(out), read(err));
    }

    /** Kills the process as a crash or a cancelled job would (SIGKILL: no shutdown hooks), and waits for it. */
    void kill() {
      process.destroyForcibly();
      try {
        assertThat(process.waitFor(TIMEOUT.toSeconds(), TimeUnit.SECONDS)).as("killed process ended").isTrue();
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new AssertionError(e);
      }
    }

    private static String read(Path file) {
      try {
        return Files.readString(file, StandardCharsets.UTF_8);
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
  }

  /**
   * What a finished process left.
   *
   * @param exit its exit code
   * @param out standard output
   * @param err standard error
   */
  record Result(int exit, String out, String err) {
    /** Both streams, for assertion messages and searches. */
    String all() {
      return out + err;
    }

    @Override
    public String toString() {
      return "exit " + exit + "\n--- stdout\n" + out + "--- stderr\n" + err;
    }
  }
}
