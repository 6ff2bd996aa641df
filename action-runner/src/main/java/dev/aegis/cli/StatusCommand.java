package dev.aegis.cli;

import dev.aegis.core.ops.Maintainer;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/** {@code aegis status}: can Aegis work on this repository, and is it paused? */
@Command(name = "status", mixinStandardHelpOptions = true,
    description = {"Show whether Aegis can work on this repository.",
        "Prints the resolved configuration (where each value came from; secrets hidden), whether the token",
        "reaches the repository and as whom, the labels Aegis needs, ready bugs, runs, and the pause.",
        "Exits non-zero only when something stops Aegis: a bad configuration or no token (3), a refused",
        "token or no access (4), or GitHub unreachable or failing (5)."})
final class StatusCommand implements Callable<Integer> {
  private final CliContext ctx;

  @Mixin TargetOptions target = new TargetOptions();

  StatusCommand(CliContext ctx) {
    this.ctx = ctx;
  }

  @Override
  public Integer call() {
    return MaintainerCli.run(ctx, target, "status", Maintainer::status);
  }
}
