package dev.aegis.core.git;

import java.util.List;

/** A git command failed. Carries the arguments (never credentials), the exit code and git's own words. */
public final class GitException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  private final List<String> args;
  private final int exitCode;
  private final String stderr;

  public GitException(List<String> args, int exitCode, String stderr) {
    super("git " + String.join(" ", args) + " failed (exit " + exitCode + "): " + stderr.strip());
    this.args = List.copyOf(args);
    this.exitCode = exitCode;
    this.stderr = stderr;
  }

  public List<String> args() {
    return args;
  }

  public int exitCode() {
    return exitCode;
  }

  public String stderr() {
    return stderr;
  }
}
