package dev.aegis.cli;

import java.io.PrintWriter;
import java.util.Properties;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** Entry point of the fat jar: the maintainer CLI and the GitHub Action ({@code aegis action}). */
@Command(
    name = "aegis",
    mixinStandardHelpOptions = true,
    versionProvider = Main.Version.class,
    description = {"Aegis: a bug-fixing agent that lives in CI.",
        "Exit codes: 0 done, 2 bad input, 3 bad config, 4 auth, 5 remote failure,",
        "6 blocked, 7 audit log broken, 8 paused/resumed locally only, 70 bug."},
    subcommands = {DemoCommand.class, PickupCommand.class, ActionCommand.class, InitCommand.class, RunCommand.class,
        AuditCommand.class, StatusCommand.class, RunsCommand.class, RecoverCommand.class, PauseCommand.class,
        ResumeCommand.class, DisconnectCommand.class, LinearCommand.class})
public final class Main implements Runnable {
  private final CliContext ctx;

  Main(CliContext ctx) {
    this.ctx = ctx;
  }

  public static void main(String[] args) {
    System.exit(run(CliContext.system(), args));
  }

  /** Runs the CLI in {@code ctx} and returns the exit code. */
  static int run(CliContext ctx, String... args) {
    return commandLine(ctx).execute(args);
  }

  /** The configured command line for {@code ctx} (tests may redirect its output). */
  static CommandLine commandLine(CliContext ctx) {
    CommandLine cli = new CommandLine(new Main(ctx), new Factory(ctx));
    cli.setOut(new PrintWriter(ctx.out(), true));
    cli.setErr(new PrintWriter(ctx.err(), true));
    cli.setExecutionExceptionHandler((e, line, parsed) -> {
      ctx.err().println("Aegis hit an unexpected error: " + e + ". Please report it with this output.");
      return ExitCodes.INTERNAL;
    });
    return cli;
  }

  @Override
  public void run() {
    new CommandLine(this, new Factory(ctx)).usage(ctx.out());
  }

  /** Builds commands with the context they need. */
  private record Factory(CliContext ctx) implements CommandLine.IFactory {
    @Override
    public <K> K create(Class<K> cls) throws Exception {
      try {
        var ctor = cls.getDeclaredConstructor(CliContext.class);
        return ctor.newInstance(ctx);
      } catch (NoSuchMethodException e) {
        return CommandLine.defaultFactory().create(cls);
      }
    }
  }

  /** Reads the version Maven wrote into {@code version.properties}. */
  static final class Version implements CommandLine.IVersionProvider {
    @Override
    public String[] getVersion() throws Exception {
      Properties props = new Properties();
      try (var in = Main.class.getResourceAsStream("version.properties")) {
        if (in != null) {
          props.load(in);
        }
      }
      return new String[] {"aegis " + props.getProperty("version", "unknown")};
    }
  }
}
