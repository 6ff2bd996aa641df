package dev.aegis.cli;

import dev.aegis.core.ops.Maintainer;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** {@code aegis resume}: max concurrent runs back to N (default 1), in both places {@code pause} sets. */
@Command(name = "resume", mixinStandardHelpOptions = true,
    description = {"Resume Aegis after a pause.",
        "Sets max concurrent runs to --concurrency (default 1) in the repository variable",
        "AEGIS_MAX_CONCURRENT_RUNS and in .aegis/config.yml. Same token needs and exit codes as pause."})
final class ResumeCommand implements Callable<Integer> {
  private final CliContext ctx;

  @Spec CommandSpec spec;

  @Mixin TargetOptions target = new TargetOptions();

  @Option(names = "--concurrency", paramLabel = "N", defaultValue = "" + Maintainer.DEFAULT_CONCURRENCY,
      description = "Runs allowed in progress at once, 1 or more (default: ${DEFAULT-VALUE}).")
  int concurrency;

  ResumeCommand(CliContext ctx) {
    this.ctx = ctx;
  }

  @Override
  public Integer call() {
    if (concurrency < 1) {
      throw new ParameterException(spec.commandLine(),
          "--concurrency must be 1 or more, got " + concurrency + " (to pause, run `aegis pause`)");
    }
    return MaintainerCli.writing(ctx, target, "resume", m -> m.resume(concurrency));
  }
}
