package dev.aegis.cli;

import dev.aegis.core.ops.Maintainer;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/** {@code aegis disconnect}: the shutdown checklist for this repository; changes nothing. */
@Command(name = "disconnect", mixinStandardHelpOptions = true,
    description = {"Print the checklist that disconnects Aegis from this repository; changes nothing.",
        "Covers the workflow, secrets, variables, labels, aegis/* branches (listed when the token can read",
        "them), local files and Jenkins."})
final class DisconnectCommand implements Callable<Integer> {
  private final CliContext ctx;

  @Mixin TargetOptions target = new TargetOptions();

  DisconnectCommand(CliContext ctx) {
    this.ctx = ctx;
  }

  @Override
  public Integer call() {
    return MaintainerCli.run(ctx, target, "disconnect", Maintainer::disconnect);
  }
}
