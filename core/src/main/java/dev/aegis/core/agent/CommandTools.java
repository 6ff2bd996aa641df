package dev.aegis.core.agent;

import dev.aegis.core.git.Checkout;
import dev.aegis.core.agent.ToolArgs.ToolError;
import dev.aegis.core.policy.CommandRequest;
import dev.aegis.core.policy.CommandResult;
import dev.aegis.core.policy.CommandSandbox;
import dev.aegis.core.policy.CommandSpace;
import dev.aegis.core.policy.PolicyException;
import dev.aegis.core.policy.ProtectedPaths;
import dev.aegis.core.policy.Workspace;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/** {@code run_command} and {@code git_diff}. */
final class CommandTools {
  private final Workspace workspace;
  private final CommandSandbox sandbox;
  private final Map<String, String> environment;
  private final CommandSpace space;
  private final Checkout git;
  private final FileTools files;
  private final Supplier<Duration> remaining;

  /**
   * @param environment the scrubbed environment commands get
   * @param remaining the wall time left in the run
   */
  CommandTools(Workspace workspace, CommandSandbox sandbox, Map<String, String> environment, CommandSpace space,
      Checkout git, FileTools files, Supplier<Duration> remaining) {
    this.workspace = workspace;
    this.sandbox = sandbox;
    this.environment = environment;
    this.space = space;
    this.git = git;
    this.files = files;
    this.remaining = remaining;
  }

  String run(ToolArgs args) {
    String command = args.string("command");
    if (command.isBlank()) {
      throw new ToolError("run_command: the command is empty");
    }
    CommandResult result;
    try {
      result = execute(command, args.optionalInt("timeout_seconds", Integer.MAX_VALUE));
    } catch (PolicyException e) {
      throw new ToolError("run_command: " + e.getMessage() + ". Investigate with list_files, read_file and search.");
    } finally {
      files.changed();
    }
    String head = result.timedOut()
        ? "killed after " + result.elapsed().toSeconds() + "s (timeout)\n"
        : "exit code: " + result.exitCode() + " (" + result.elapsed().toMillis() + " ms)\n";
    return head + result.output();
  }

  /** Runs {@code command} in the sandbox with protected paths read-only. */
  CommandResult execute(String command, int timeoutSeconds) {
    Duration timeout = workspace.policy().commandTimeout();
    if (timeoutSeconds > 0 && timeoutSeconds < timeout.toSeconds()) {
      timeout = Duration.ofSeconds(timeoutSeconds);
    }
    Duration left = remaining.get();
    if (left.compareTo(timeout) < 0) {
      timeout = left.isNegative() || left.isZero() ? Duration.ofSeconds(1) : left;
    }
    return sandbox.run(new CommandRequest(workspace.root(), command, environment, timeout, protectedPaths(),
        space, workspace.policy().sandbox().allowUnisolated()));
  }

  /** The protected paths commands must not write (see {@link ProtectedPaths}). */
  List<Path> protectedPaths() {
    return ProtectedPaths.of(workspace, files::files);
  }

  String diff(ToolArgs args) {
    if (!git.isRepository()) {
      throw new ToolError("git_diff: the workspace is not a git repository");
    }
    String path = args.optionalString("path", null);
    if (path != null) {
      path = workspace.relative(workspace.resolveForRead(path));
    }
    String status = git.shortStatus().orElse("");
    String diff = git.diffAgainstHead(path).orElseThrow(() -> new ToolError("git_diff: git diff failed"));
    return "git status --short:\n" + (status.isBlank() ? "(clean)\n" : status) + "\ngit diff HEAD:\n"
        + (diff.isBlank() ? "(no changes to tracked files)\n" : diff);
  }
}
