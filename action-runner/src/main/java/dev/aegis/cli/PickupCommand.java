package dev.aegis.cli;

import dev.aegis.core.demo.Demo;
import dev.aegis.core.demo.DemoConnector;
import dev.aegis.core.demo.DemoEngineProvider;
import dev.aegis.core.demo.DemoWorld;
import dev.aegis.core.policy.CommandSandbox;
import dev.aegis.core.policy.Programs;
import dev.aegis.core.host.CoreEntry;
import dev.aegis.core.host.HostCommand;
import dev.aegis.core.host.HostRequest;
import dev.aegis.core.host.HostResult;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code aegis pickup}: find ready bugs, check their context, claim them (or, with --dry-run, just say). */
@Command(name = "pickup", mixinStandardHelpOptions = true,
    description = {"Find ready bugs, check each has enough context, and claim them.",
        "With --dry-run, print one decision line per candidate and change nothing."})
final class PickupCommand implements Callable<Integer> {
  private final CliContext ctx;

  @Mixin TargetOptions target = new TargetOptions();

  @Option(names = "--dry-run", description = "Decide and print; write nothing to the tracker.")
  boolean dryRun;

  @Option(names = "--issue", paramLabel = "ID", description = "Only this issue (123 or ENG-950).")
  String issue;

  @Option(names = "--demo", description = "Use the built-in demo tracker (no credentials, no network).")
  boolean demo;

  PickupCommand(CliContext ctx) {
    this.ctx = ctx;
  }

  @Override
  public Integer call() {
    ConsoleLog log = new ConsoleLog(ctx.out(), ctx.err(), target.verbose);
    Optional<String> refused = demo ? Optional.empty() : target.refusal(ctx, "pickup");
    if (refused.isPresent()) {
      log.warn(refused.get());
      return ExitCodes.USAGE;
    }
    HostResult result = demo ? runDemo(log) : ctx.entry().get().execute(
        target.request(ctx, HostCommand.PICKUP, issue, null, dryRun, null), log);
    return ExitCodes.of(result.outcome());
  }

  private HostResult runDemo(ConsoleLog log) {
    Path scratch = scratch();
    try {
      Map<String, String> env = Demo.baseEnvironment(ctx.env());
      ctx.out().println("Demo tracker: aegis-demo/shop (built in; nothing leaves this machine)");
      Programs programs = Programs.find();
      DemoWorld world = DemoWorld.create(scratch, programs, Clock.systemUTC());
      CoreEntry entry = new CoreEntry(new DemoConnector(world), Clock.systemUTC(), new SecureRandom(),
          new DemoEngineProvider(Clock.systemUTC(), CommandSandbox.unisolated(programs)));
      return entry.execute(new HostRequest(HostCommand.PICKUP, issue, null, dryRun, null,
          target.overrides(), env, world.workspace()), log);
    } finally {
      Files2.deleteTree(scratch);
    }
  }

  private static Path scratch() {
    try {
      return Files.createTempDirectory("aegis-demo");
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
