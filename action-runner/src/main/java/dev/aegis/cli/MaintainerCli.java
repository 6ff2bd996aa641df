package dev.aegis.cli;

import dev.aegis.core.config.AegisConfig;
import dev.aegis.core.config.ConfigException;
import dev.aegis.core.config.ConfigKeys;
import dev.aegis.core.config.ConfigLoader;
import dev.aegis.core.host.Connectors;
import dev.aegis.core.ops.Maintainer;
import dev.aegis.core.ops.OpsContext;
import dev.aegis.core.ops.OpsReport;
import dev.aegis.core.policy.Secrets;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

/**
 * Runs one maintainer command ({@code status}, {@code runs}, {@code pause}, {@code resume}, {@code disconnect}):
 * loads the configuration as every command does, hands it to the core, prints the report with secret values
 * masked, and returns the exit code for its outcome.
 */
final class MaintainerCli {
  private MaintainerCli() {}

  /** A command that only reads: the workspace must exist. */
  static int run(CliContext ctx, TargetOptions target, String name, Function<Maintainer, OpsReport> command) {
    return run(ctx, target, name, false, command);
  }

  /** A command that writes {@code .aegis/config.yml}: the workspace must be a git checkout. */
  static int writing(CliContext ctx, TargetOptions target, String name, Function<Maintainer, OpsReport> command) {
    return run(ctx, target, name, true, command);
  }

  private static int run(CliContext ctx, TargetOptions target, String name, boolean writes,
      Function<Maintainer, OpsReport> command) {
    ConsoleLog log = new ConsoleLog(ctx.out(), ctx.err(), target.verbose);
    Secrets.fromEnvironment(ctx.env(), List.of(), List.of()).values().forEach(log::mask);
    Path workspace = target.workspace(ctx);
    Optional<String> refused = WorkspaceCheck.refusal(workspace, target.workspace != null, name, writes);
    if (refused.isPresent()) {
      log.warn(refused.get());
      return ExitCodes.USAGE;
    }
    AegisConfig config;
    try {
      config = new ConfigLoader().load(workspace, ctx.env(), target.overrides(), "command-line option");
    } catch (ConfigException e) {
      log.warn(e.getMessage());
      return ExitCodes.CONFIG;
    }
    Secrets.fromEnvironment(ctx.env(), config.list(ConfigKeys.SECRET_ENV), List.of()).values().forEach(log::mask);
    OpsContext context = new OpsContext(workspace, config, ctx.env(), Connectors.github(), Clock.systemUTC());
    OpsReport report = command.apply(new Maintainer(context));
    report.lines().forEach(log::line);
    if (!report.problem().isEmpty()) {
      log.warn(report.problem());
    }
    return ExitCodes.of(report.outcome());
  }
}
