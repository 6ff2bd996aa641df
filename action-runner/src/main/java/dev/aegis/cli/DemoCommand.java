package dev.aegis.cli;

import dev.aegis.core.demo.Demo;
import dev.aegis.core.host.HostResult;
import dev.aegis.core.policy.CommandSandbox;
import dev.aegis.core.policy.Programs;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code aegis demo}: the whole loop on a bundled sample project, with no credentials and no network. */
@Command(name = "demo", mixinStandardHelpOptions = true,
    description = {"Show the whole loop offline, from a ready bug to a pull request.",
        "A ready bug is claimed and investigated, an approval is refused and another accepted,",
        "the fix is tested, pushed and a pull request opened.",
        "Uses a bundled sample project, a scripted model and an in-process tracker."})
final class DemoCommand implements Callable<Integer> {
  private final CliContext ctx;

  @Option(names = "--keep", description = "Keep the demo's files (repository, records) and print where they are.")
  boolean keep;

  DemoCommand(CliContext ctx) {
    this.ctx = ctx;
  }

  @Override
  public Integer call() {
    Path dir;
    try {
      dir = Files.createTempDirectory("aegis-demo");
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    ConsoleLog log = new ConsoleLog(ctx.out(), ctx.err(), false);
    ctx.out().println("Aegis demo: repository aegis-demo/shop (built in; nothing leaves this machine)");
    try {
      HostResult result = new Demo(dir, ctx.env(), Clock.systemUTC(), CommandSandbox.detect(Programs.find())).run(log);
      ctx.out().println();
      ctx.out().println(result.outcome() == HostResult.Outcome.OK
          ? "Demo finished: " + result.outputs().getOrDefault("pr-url", "") : "Demo ended early: " + result.message());
      if (keep) {
        ctx.out().println("Demo files kept in " + dir);
      }
      return ExitCodes.of(result.outcome());
    } finally {
      if (!keep) {
        Files2.deleteTree(dir);
      }
    }
  }
}
