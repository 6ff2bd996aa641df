package dev.aegis.cli;

import dev.aegis.core.config.AegisConfig;
import dev.aegis.core.config.ConfigException;
import dev.aegis.core.config.ConfigKeys;
import dev.aegis.core.config.ConfigLoader;
import dev.aegis.core.host.Connectors;
import dev.aegis.core.host.HostResult.Outcome;
import dev.aegis.core.tracker.TrackerException;
import dev.aegis.core.tracker.linear.LinearConfigException;
import dev.aegis.core.tracker.linear.LinearTeam;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code aegis linear ...}: setup helpers for Linear as a tracker. */
@Command(name = "linear", mixinStandardHelpOptions = true,
    description = "Setup helpers for Linear (needs LINEAR_API_KEY).",
    subcommands = LinearCommand.Teams.class)
final class LinearCommand implements Runnable {
  private final CliContext ctx;

  LinearCommand(CliContext ctx) {
    this.ctx = ctx;
  }

  @Override
  public void run() {
    ctx.err().println("Missing subcommand: try 'aegis linear teams'.");
  }

  /** {@code aegis linear teams}: the teams the key can see, named as {@code linear.team} accepts them. */
  @Command(name = "teams", mixinStandardHelpOptions = true,
      description = {"List the Linear teams LINEAR_API_KEY can see, as 'Engineering (ENG)'.",
          "Set linear.team in .aegis/config.yml to a team's key (ENG) or name (Engineering)."})
  static final class Teams implements Callable<Integer> {
    private final CliContext ctx;

    @Option(names = {"-C", "--workspace"}, paramLabel = "DIR",
        description = "The repository checkout whose .aegis/config.yml to read (default: the current directory).")
    Path workspace;

    Teams(CliContext ctx) {
      this.ctx = ctx;
    }

    @Override
    public Integer call() {
      Path dir = (workspace == null ? ctx.cwd() : ctx.cwd().resolve(workspace)).normalize();
      try {
        AegisConfig config = new ConfigLoader().load(dir, ctx.env(), Map.of(), "command line");
        List<LinearTeam> teams = Connectors.linearTeams(config, ctx.env());
        if (teams.isEmpty()) {
          ctx.err().println("LINEAR_API_KEY sees no team: add its user to the team Aegis should work in.");
          return ExitCodes.CONFIG;
        }
        teams.forEach(t -> ctx.out().println(t.display()));
        return configured(config, teams);
      } catch (ConfigException | LinearConfigException e) {
        ctx.err().println(e.getMessage());
        return ExitCodes.of(Outcome.CONFIG_ERROR);
      } catch (TrackerException e) {
        ctx.err().println(e.getMessage());
        return ExitCodes.of(e.unauthorized() || e.forbidden() ? Outcome.AUTH_ERROR : Outcome.REMOTE_ERROR);
      }
    }

    /** Says whether {@code linear.team} names one of the teams. */
    private int configured(AegisConfig config, List<LinearTeam> teams) {
      Optional<String> team = config.text(ConfigKeys.LINEAR_TEAM);
      if (team.isEmpty()) {
        ctx.out().println("Set linear.team in .aegis/config.yml to one of these: its key (like "
            + teams.get(0).key() + ") or its name.");
        return ExitCodes.OK;
      }
      try {
        ctx.out().println("linear.team '" + team.get() + "' is " + LinearTeam.pick(teams, team.get()).display() + ".");
        return ExitCodes.OK;
      } catch (LinearConfigException e) {
        ctx.err().println(e.getMessage());
        return ExitCodes.CONFIG;
      }
    }
  }
}
