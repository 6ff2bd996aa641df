package dev.aegis.core.flow;

import dev.aegis.core.agent.FixReport;
import dev.aegis.core.config.ConfigKeys;
import dev.aegis.core.policy.CommandEnvironment;
import dev.aegis.core.policy.CommandRequest;
import dev.aegis.core.policy.CommandResult;
import dev.aegis.core.policy.CommandSpace;
import dev.aegis.core.policy.HostPaths;
import dev.aegis.core.policy.Policy;
import dev.aegis.core.policy.ProtectedPaths;
import dev.aegis.core.policy.SandboxSettings;
import dev.aegis.core.policy.Workspace;
import dev.aegis.core.project.TestCommand;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * Aegis runs the project's tests itself after a fix (never trusting the model's word): the configured or
 * detected test command, else the command the agent named, in the same sandbox and scrubbed environment as
 * the agent's commands.
 */
final class ProjectTests {
  private static final Duration TIMEOUT = Duration.ofMinutes(20);
  private static final int TAIL_LINES = 60;

  private final FlowContext ctx;
  private final Tasks tasks;

  ProjectTests(FlowContext ctx) {
    this.ctx = ctx;
    this.tasks = new Tasks(ctx.agent());
  }

  /** The command that will be run, if one is known before the fix. */
  Optional<String> command() {
    return TestCommand.detect(ctx.workspace(), ctx.config().text(ConfigKeys.TEST_COMMAND));
  }

  /**
   * Runs the tests.
   *
   * @return the result, or empty when no test command is configured, detectable or named by the agent
   */
  Optional<Result> run(FixReport fix) {
    Optional<String> command = command().or(() -> Optional.ofNullable(fix.testCommand()).filter(c -> !c.isBlank()));
    if (command.isEmpty()) {
      return Optional.empty();
    }
    ctx.progress().accept("Running the project's tests: " + command.get());
    Policy policy = tasks.policy();
    SandboxSettings sandbox = policy.sandbox();
    Workspace workspace = Workspace.open(ctx.workspace(), policy);
    CommandResult r;
    try (CommandSpace space = CommandSpace.open(HostPaths.of(ctx.environment(), sandbox.readPaths(), sandbox.writePaths()))) {
      r = ctx.engines().sandbox().run(new CommandRequest(workspace.root(), command.get(),
          CommandEnvironment.forCommands(ctx.environment(), tasks.secrets(), sandbox.environment()), TIMEOUT,
          ProtectedPaths.of(workspace, List::of), space, sandbox.allowUnisolated()));
    }
    String tail = tail(tasks.secrets().redactor().redact(r.output()));
    return Optional.of(new Result(command.get(), r.exitCode() == 0 && !r.timedOut(), r.timedOut(), tail));
  }

  private static String tail(String output) {
    List<String> lines = Arrays.asList(output.strip().split("\n"));
    return String.join("\n", lines.subList(Math.max(0, lines.size() - TAIL_LINES), lines.size()));
  }

  /** A test run: the command, whether it passed, and the end of its output (redacted). */
  record Result(String command, boolean passed, boolean timedOut, String tail) {}
}
