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
 * the agent's commands. The configured {@code setup-command} runs the same way, before each agent run.
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
    return Optional.of(sandboxed(command.get()));
  }

  /**
   * Runs the configured {@code setup-command} (installing the project's dependencies, say), in the same sandbox
   * as the tests, before an agent run.
   *
   * @return its result, or empty when none is configured
   * @throws dev.aegis.core.policy.PolicyException when commands cannot run on this machine
   */
  Optional<Result> setup() {
    Optional<String> command = ctx.config().text(ConfigKeys.SETUP_COMMAND).map(String::strip).filter(c -> !c.isEmpty());
    command.ifPresent(c -> ctx.progress().accept("Running the setup command: " + c));
    return command.map(this::sandboxed);
  }

  /** The blocked note of a failed setup command: what ran, how it ended, the end of its output. */
  static String setupFailed(Result r) {
    return "the setup command (`" + r.command() + "`, from setup-command) " + (r.timedOut() ? "timed out" : "failed")
        + ", so the agent did not start.\n\n```\n" + r.tail().replace("```", "'''") + "\n```";
  }

  private Result sandboxed(String command) {
    Policy policy = tasks.policy();
    SandboxSettings sandbox = policy.sandbox();
    Workspace workspace = Workspace.open(ctx.workspace(), policy);
    CommandResult r;
    try (CommandSpace space = CommandSpace.open(HostPaths.of(ctx.environment(), sandbox.readPaths(), sandbox.writePaths()))) {
      r = ctx.engines().sandbox().run(new CommandRequest(workspace.root(), command,
          CommandEnvironment.forCommands(ctx.environment(), tasks.secrets(), sandbox.environment()), TIMEOUT,
          ProtectedPaths.of(workspace, List::of), space, sandbox.allowUnisolated()));
    }
    String tail = tail(tasks.secrets().redactor().redact(r.output()));
    return new Result(command, r.exitCode() == 0 && !r.timedOut(), r.timedOut(), tail);
  }

  private static String tail(String output) {
    List<String> lines = Arrays.asList(output.strip().split("\n"));
    return String.join("\n", lines.subList(Math.max(0, lines.size() - TAIL_LINES), lines.size()));
  }

  /** A test run: the command, whether it passed, and the end of its output (redacted). */
  record Result(String command, boolean passed, boolean timedOut, String tail) {}
}
