package dev.aegis.cli;

import dev.aegis.core.ops.Maintainer;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/** {@code aegis pause}: max concurrent runs 0, where the Action reads it and in the local config file. */
@Command(name = "pause", mixinStandardHelpOptions = true,
    description = {"Pause Aegis: no scans, claims, approvals or agent runs until resumed.",
        "Sets max concurrent runs to 0 in the repository variable AEGIS_MAX_CONCURRENT_RUNS (what the",
        "workflow passes to the Action) and in .aegis/config.yml (only that line is edited).",
        "Needs a token that may write Actions variables (not the workflow's GITHUB_TOKEN); without one the local",
        "file is still set and the exit code is 8. Pausing twice changes nothing the second time."})
final class PauseCommand implements Callable<Integer> {
  private final CliContext ctx;

  @Mixin TargetOptions target = new TargetOptions();

  PauseCommand(CliContext ctx) {
    this.ctx = ctx;
  }

  @Override
  public Integer call() {
    return MaintainerCli.writing(ctx, target, "pause", Maintainer::pause);
  }
}
