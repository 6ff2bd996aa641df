package dev.aegis.cli;

import dev.aegis.core.host.HostCommand;
import dev.aegis.core.host.HostResult;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code aegis recover}: marks stale runs blocked (what every scheduled run also does first). */
@Command(name = "recover", mixinStandardHelpOptions = true,
    description = {"Mark stale runs blocked, with a plain-English note on each issue.",
        "A run is stale after stale-after-minutes (default 20) with no tracker update.",
        "With --dry-run, only say which ones. Does nothing while paused."})
final class RecoverCommand implements Callable<Integer> {
  private final CliContext ctx;

  @Mixin TargetOptions target = new TargetOptions();

  @Option(names = "--dry-run", description = "Say which runs are stale; change nothing.")
  boolean dryRun;

  RecoverCommand(CliContext ctx) {
    this.ctx = ctx;
  }

  @Override
  public Integer call() {
    ConsoleLog log = new ConsoleLog(ctx.out(), ctx.err(), target.verbose);
    Optional<String> refused = target.refusal(ctx, "recover");
    if (refused.isPresent()) {
      log.warn(refused.get());
      return ExitCodes.USAGE;
    }
    HostResult result = ctx.entry().get().execute(
        target.request(ctx, HostCommand.RECOVER, null, null, dryRun, null), log);
    return ExitCodes.of(result.outcome());
  }
}
