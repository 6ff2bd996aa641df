package dev.aegis.cli;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Properties;
import java.util.logging.Level;
import java.util.logging.LogManager;
import java.util.logging.Logger;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** Entry point of the fat jar: the maintainer CLI and the GitHub Action ({@code aegis action}). */
@Command(
    name = "aegis",
    mixinStandardHelpOptions = true,
    versionProvider = Main.Version.class,
    description = "Aegis: a bug-fixing agent that lives in CI.")
public final class Main implements Runnable {
  /** Every subcommand, in the order help lists them. */
  static final List<Class<?>> COMMANDS = List.of(DemoCommand.class, PickupCommand.class, ActionCommand.class,
      InitCommand.class, RunCommand.class, AuditCommand.class, StatusCommand.class, RunsCommand.class,
      RecoverCommand.class, PauseCommand.class, ResumeCommand.class, DisconnectCommand.class, LinearCommand.class);

  private final CliContext ctx;

  Main(CliContext ctx) {
    this.ctx = ctx;
  }

  public static void main(String[] args) {
    quietLibraryLogging();
    System.exit(run(CliContext.system(), args));
  }

  /**
   * Silences java.util.logging for this process: hub4j logs every connection retry at INFO with a timestamp line,
   * and OkHttp logs there too. Aegis says what failed itself, in one line that says what to do, so library lines
   * would only repeat it (and could one day carry a URL with a secret). Process set-up, so it lives here in the
   * entry point and never in the core, which hosts such as Jenkins share with their own logging.
   */
  static void quietLibraryLogging() {
    LogManager.getLogManager().reset();
    Logger.getLogger("").setLevel(Level.OFF);
  }

  /** Runs the CLI in {@code ctx} and returns the exit code. */
  static int run(CliContext ctx, String... args) {
    return commandLine(ctx, args).execute(args);
  }

  /** The configured command line for {@code ctx} with every subcommand (tests may redirect its output). */
  static CommandLine commandLine(CliContext ctx) {
    return commandLine(ctx, new String[0]);
  }

  /**
   * The command line for {@code args}: when the first argument names a subcommand, only that one is built
   * (picocli reflects over every option of every subcommand it is given, a large part of start-up); for
   * anything else (help, a typo, no arguments) all of them, so help and "did you mean" see every command.
   */
  static CommandLine commandLine(CliContext ctx, String[] args) {
    Factory factory = new Factory(ctx);
    CommandLine cli = new CommandLine(new Main(ctx), factory);
    List<String> description = new ArrayList<>(List.of(cli.getCommandSpec().usageMessage().description()));
    description.addAll(ExitCodes.summary());
    cli.getCommandSpec().usageMessage().description(description.toArray(String[]::new));
    Class<?> only = args.length == 0 ? null : named(args[0]);
    for (Class<?> command : only == null ? COMMANDS : List.<Class<?>>of(only)) {
      cli.addSubcommand(new CommandLine(command, factory));
    }
    cli.setOut(new PrintWriter(ctx.out(), true));
    cli.setErr(new PrintWriter(ctx.err(), true));
    cli.setExecutionExceptionHandler((e, line, parsed) -> {
      ctx.err().println("Aegis hit an unexpected error: " + e + ". Please report it with this output.");
      return ExitCodes.INTERNAL;
    });
    return cli;
  }

  private static Class<?> named(String name) {
    for (Class<?> command : COMMANDS) {
      Command annotation = command.getAnnotation(Command.class);
      if (annotation.name().equals(name) || Arrays.asList(annotation.aliases()).contains(name)) {
        return command;
      }
    }
    return null;
  }

  @Override
  public void run() {
    commandLine(ctx).usage(ctx.out());
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
    public String[] getVersion() {
      return new String[] {"aegis " + number()};
    }

    /** This jar's version ({@code 1.2.0}, {@code 0.1.0-SNAPSHOT}), or {@code unknown}. */
    static String number() {
      Properties props = new Properties();
      try (var in = Main.class.getResourceAsStream("version.properties")) {
        if (in != null) {
          props.load(in);
        }
      } catch (java.io.IOException e) {
        return "unknown";
      }
      return props.getProperty("version", "unknown");
    }
  }
}
