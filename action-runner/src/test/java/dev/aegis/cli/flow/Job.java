package dev.aegis.cli.flow;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.TimeUnit;

/** One {@code java -jar aegis.jar action} process: a CI job handling one event. */
final class Job {
  private final String name;
  private final Process process;
  private final Path log;
  private final Path workspace;

  Job(String name, Process process, Path log, Path workspace) {
    this.name = name;
    this.process = process;
    this.log = log;
    this.workspace = workspace;
  }

  /** The job's checkout ({@code GITHUB_WORKSPACE}). */
  Path workspace() {
    return workspace;
  }

  /**
   * Waits for the job to end.
   *
   * @throws AssertionError when it runs longer than {@code timeout} (it is killed first)
   */
  Result await(Duration timeout) {
    try {
      if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
        kill();
        throw new AssertionError("job " + name + " ran longer than " + timeout + "; its output:\n" + output());
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      kill();
      throw new AssertionError("interrupted while waiting for job " + name, e);
    }
    return new Result(name, process.exitValue(), output());
  }

  /** Kills the job at once (SIGKILL: no shutdown hooks, no finally blocks), as a lost runner does. */
  void kill() {
    process.descendants().forEach(ProcessHandle::destroyForcibly);
    process.destroyForcibly();
    try {
      if (!process.waitFor(30, TimeUnit.SECONDS)) {
        throw new AssertionError("job " + name + " survived SIGKILL");
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  boolean alive() {
    return process.isAlive();
  }

  String output() {
    try {
      return Files.readString(log);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** How a job ended: its exit code and everything it printed. */
  record Result(String name, int exit, String output) {
    /** Fails with the job's output unless it exited with {@code expected}. */
    Result expectExit(int expected) {
      if (exit != expected) {
        throw new AssertionError("job " + name + " exited " + exit + ", expected " + expected + "; its output:\n" + output);
      }
      return this;
    }
  }
}
