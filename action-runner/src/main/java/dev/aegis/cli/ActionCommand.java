package dev.aegis.cli;

import dev.aegis.core.host.HostCommand;
import dev.aegis.core.host.HostRequest;
import dev.aegis.core.host.HostResult;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code aegis action}: what {@code action.yml} runs inside a GitHub Actions job. */
@Command(name = "action", mixinStandardHelpOptions = true,
    description = {"Handle the GitHub Actions event of this job (GITHUB_EVENT_NAME, GITHUB_EVENT_PATH).",
        "issues -> pick up that issue; schedule, workflow_dispatch -> scan; issue_comment -> commands.",
        "Writes step outputs (run-id, decision) and the job summary."})
final class ActionCommand implements Callable<Integer> {
  private final CliContext ctx;

  @Option(names = "--dry-run", description = "Decide and print; write nothing to the tracker.")
  boolean dryRun;

  ActionCommand(CliContext ctx) {
    this.ctx = ctx;
  }

  @Override
  public Integer call() {
    Map<String, String> env = ctx.env();
    ActionsLog log = new ActionsLog(ctx.out(), env);
    String ws = env.get("GITHUB_WORKSPACE");
    Path workspace = ws == null || ws.isBlank() ? ctx.cwd() : Path.of(ws);
    HostResult result = ctx.entry().get().execute(
        new HostRequest(HostCommand.ACTION, null, null, dryRun, null, Map.of(), env, workspace), log);
    log.outputs(result.outputs());
    if (result.outcome() != HostResult.Outcome.OK && result.outcome() != HostResult.Outcome.PAUSED) {
      // once, on the issue it concerns: a blocked run's line names its issue; the summary's table already shows it
      log.failure(result.message());
      if (result.outcome() != HostResult.Outcome.BLOCKED) {
        log.summary("### Aegis failed\n\n" + log.redact(result.message()) + "\n");
      }
    }
    return ExitCodes.of(result.outcome());
  }
}
