package dev.aegis.cli;

import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code aegis runs}: the runs the tracker shows, one line per issue. */
@Command(name = "runs", mixinStandardHelpOptions = true,
    description = {"List the runs Aegis holds, read from the tracker.",
        "Reads labels and Aegis's own status comments: runs in progress and awaiting approval;",
        "with --all also blocked, needs-info and pr-opened.",
        "One line per issue: issue, phase/stage, run id, last update, cost, pull request, title."})
final class RunsCommand implements Callable<Integer> {
  private final CliContext ctx;

  @Mixin TargetOptions target = new TargetOptions();

  @Option(names = "--all", description = "Also list blocked, needs-info and pr-opened issues.")
  boolean all;

  RunsCommand(CliContext ctx) {
    this.ctx = ctx;
  }

  @Override
  public Integer call() {
    return MaintainerCli.run(ctx, target, "runs", m -> m.runs(all));
  }
}
