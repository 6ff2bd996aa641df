package dev.aegis.core.agent;

import dev.aegis.core.agent.ToolArgs.ToolError;
import dev.aegis.core.policy.CommandRequest;
import dev.aegis.core.policy.CommandResult;
import dev.aegis.core.policy.CommandSandbox;
import dev.aegis.core.policy.Workspace;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/** {@code run_command} and {@code git_diff}. */
final class CommandTools {
  private final Workspace workspace;
  private final CommandSandbox sandbox;
  private final Map<String, String> environment;
  private final Git git;
  private final FileTools files;
  private final Supplier<Duration> remaining;

  /**
   * @param environment the scrubbed environment commands get
   * @param remaining the wall time left in the run
   */
  CommandTools(Workspace workspace, CommandSandbox sandbox, Map<String, String> environment, Git git,
      FileTools files, Supplier<Duration> remaining) {
    this.workspace = workspace;
    this.sandbox = sandbox;
    this.environment = environment;
    this.git = git;
    this.files = files;
    this.remaining = remaining;
  }

  String run(ToolArgs args) {
    String command = args.string("command");
    if (command.isBlank()) {
      throw new ToolError("run_command: the command is empty");
    }
    CommandResult result = execute(command, args.optionalInt("timeout_seconds", Integer.MAX_VALUE));
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
    return sandbox.run(new CommandRequest(workspace.root(), command, environment, timeout, readOnlyPaths()));
  }

  /**
   * The protected paths that exist: whole directories for the built-in ones and for {@code dir/**} globs,
   * matching listed files for other globs.
   */
  List<Path> readOnlyPaths() {
    List<Path> out = new ArrayList<>();
    for (String dir : List.of(".git", ".github/workflows", ".aegis")) {
      Path path = workspace.root().resolve(dir);
      if (Files.exists(path, LinkOption.NOFOLLOW_LINKS) && !Files.isSymbolicLink(path)) {
        out.add(path);
      }
    }
    for (String glob : workspace.policy().protectedPaths()) {
      String dir = glob.endsWith("/**") ? glob.substring(0, glob.length() - 3) : null;
      if (dir != null && !dir.isEmpty() && !dir.matches(".*[*?\\[{].*")) {
        Path path = workspace.root().resolve(dir).normalize();
        if (path.startsWith(workspace.root()) && Files.isDirectory(path, LinkOption.NOFOLLOW_LINKS)
            && out.stream().noneMatch(path::startsWith)) {
          out.add(path);
        }
      }
    }
    if (!workspace.policy().protectedPaths().isEmpty()) {
      files.files().stream().map(Path::of).filter(workspace::isProtected).limit(200)
          .map(workspace.root()::resolve).filter(p -> !Files.isSymbolicLink(p))
          .filter(p -> out.stream().noneMatch(p::startsWith)).forEach(out::add);
    }
    return out;
  }

  String diff(ToolArgs args) {
    if (!git.isRepository()) {
      throw new ToolError("git_diff: the workspace is not a git repository");
    }
    String path = args.optionalString("path", null);
    if (path != null) {
      path = workspace.relative(workspace.resolveForRead(path));
    }
    String status = git.statusShort().orElse("");
    String diff = git.diff(path).orElseThrow(() -> new ToolError("git_diff: git diff failed"));
    return "git status --short:\n" + (status.isBlank() ? "(clean)\n" : status) + "\ngit diff HEAD:\n"
        + (diff.isBlank() ? "(no changes to tracked files)\n" : diff);
  }
}
