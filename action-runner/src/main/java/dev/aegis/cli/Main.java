package dev.aegis.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/** Entry point of the fat jar: the maintainer CLI and the GitHub Action ({@code aegis action}). */
@Command(
    name = "aegis",
    mixinStandardHelpOptions = true,
    versionProvider = Main.Version.class,
    subcommands = {RunCommand.class, AuditCommand.class},
    description = "Aegis: a bug-fixing agent that lives in CI.")
public final class Main implements Runnable {

  public static void main(String[] args) {
    System.exit(new CommandLine(new Main()).execute(args));
  }

  @Override
  public void run() {
    new CommandLine(this).usage(System.out);
  }

  /** Reads the version Maven wrote into {@code version.properties}. */
  static final class Version implements CommandLine.IVersionProvider {
    @Override
    public String[] getVersion() throws Exception {
      var props = new java.util.Properties();
      try (var in = Main.class.getResourceAsStream("version.properties")) {
        if (in != null) {
          props.load(in);
        }
      }
      return new String[] {"aegis " + props.getProperty("version", "unknown")};
    }
  }
}
