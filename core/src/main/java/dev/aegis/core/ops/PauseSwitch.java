package dev.aegis.core.ops;

import dev.aegis.core.config.ConfigException;
import dev.aegis.core.config.ConfigKeys;
import dev.aegis.core.host.HostConnection;
import dev.aegis.core.ops.LocalConfigSwitch.LocalChange;
import dev.aegis.core.ops.LocalConfigSwitch.LocalEditException;
import dev.aegis.core.repo.RepositoryVariables;
import dev.aegis.core.tracker.TrackerException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Sets max concurrent runs (0 pauses) in both places Aegis reads it: the repository variable
 * {@value #VARIABLE} that the workflow passes to the Action, and the workspace's {@code .aegis/config.yml}. The
 * local file is set first and always; the variable needs a token allowed to write Actions variables, which the
 * workflow's {@code GITHUB_TOKEN} never is. Setting a value already in place changes nothing and says so.
 */
final class PauseSwitch {
  /** The repository variable the workflow template passes as the {@code max-concurrent-runs} input. */
  static final String VARIABLE = "AEGIS_MAX_CONCURRENT_RUNS";
  private static final String KEY_TEXT = ConfigKeys.MAX_CONCURRENT_RUNS + ": ";
  private static final String PAUSED_MEANS = "Aegis is paused: no scans, claims, approvals or agent runs; events "
      + "and scheduled jobs return at once. A job already running is not stopped. Resume with `aegis resume`.";

  private final OpsContext ctx;

  PauseSwitch(OpsContext ctx) {
    this.ctx = ctx;
  }

  OpsReport set(int value) {
    List<String> lines = new ArrayList<>();
    String target = KEY_TEXT + value;
    LocalChange local;
    try {
      local = LocalConfigSwitch.set(ctx.workspace(), value);
    } catch (LocalEditException e) {
      return new OpsReport(OpsOutcome.CONFIG_ERROR, lines, e.getMessage() + " Nothing was changed, the "
          + "repository variable included.");
    }
    String file = ctx.workspace().relativize(local.file()).toString();
    lines.add(localLine(local, file, value));
    VariableChange remote = remote(value);
    lines.add(remote.line());
    lines.add("");
    if (!remote.problem().isEmpty()) {
      lines.add("Only " + file + " says " + target + " now. The Action reads " + VARIABLE + " first, so it keeps "
          + "its current setting until the variable is changed (see below).");
    } else if (local.kind() == LocalChange.Kind.UNCHANGED && remote.unchanged()) {
      lines.add("Nothing changed: " + target + " was already set everywhere Aegis reads it.");
    } else {
      lines.add(value == 0 ? PAUSED_MEANS : "Aegis works again, with up to " + value + " run(s) at once.");
    }
    envOverride(value).ifPresent(lines::add);
    if (local.kind() != LocalChange.Kind.UNCHANGED) {
      lines.add("Commit " + file + " if the checked-in file should say so too.");
    }
    lines.add("Jenkins, if you use it, reads its own setting: Manage Jenkins > System > Aegis > max concurrent runs.");
    if (remote.problem().isEmpty()) {
      return new OpsReport(OpsOutcome.OK, lines, "");
    }
    return new OpsReport(OpsOutcome.LOCAL_ONLY, lines, remote.problem());
  }

  private static String localLine(LocalChange local, String where, int value) {
    return switch (local.kind()) {
      case CREATED -> "local: created " + where + " with " + KEY_TEXT + value;
      case KEY_ADDED -> "local: added " + KEY_TEXT + value + " to " + where + " (it had no such key)";
      case UPDATED -> "local: " + where + " " + KEY_TEXT + local.before().orElse("") + " -> " + value
          + " (other lines untouched)";
      case UNCHANGED -> "local: " + where + " already has " + KEY_TEXT + value;
    };
  }

  /** Sets the variable; never throws for the failures a maintainer can fix. */
  private VariableChange remote(int value) {
    String repository = ctx.repositoryOrHint();
    String how = "Set it by hand in Settings > Secrets and variables > Actions > Variables, or run "
        + "`gh variable set " + VARIABLE + " --body " + value + " --repo " + repository + "`.";
    if (ctx.config().text(ConfigKeys.GITHUB_REPOSITORY).isEmpty()) {
      return VariableChange.problem("repository variable: not changed, the repository is unknown", "The repository is "
          + "unknown (pass --repo OWNER/NAME, set GITHUB_REPOSITORY, or run inside a checkout whose origin is on "
          + "GitHub), so " + VARIABLE + " was not changed. " + how);
    }
    try (HostConnection connection = ctx.connector().connect(ctx.config(), ctx.environment())) {
      Optional<RepositoryVariables> variables = connection.variables();
      if (variables.isEmpty()) {
        return VariableChange.problem("repository variable: not changed, this host has none", "This host keeps no "
            + "repository variables; only the local file was set.");
      }
      Optional<String> current = variables.get().get(VARIABLE);
      if (current.map(String::trim).filter(Integer.toString(value)::equals).isPresent()) {
        return new VariableChange("repository variable: " + VARIABLE + " on " + repository + " is already " + value, "",
            true);
      }
      variables.get().set(VARIABLE, Integer.toString(value));
      return new VariableChange("repository variable: " + VARIABLE + " on " + repository + " "
          + current.map(c -> c + " -> " + value).orElse("created with " + value), "", false);
    } catch (TrackerException e) {
      if (e.rateLimited() || e.status() >= 500 || e.status() == 0) {
        return VariableChange.problem("repository variable: not changed, GitHub failed", e.getMessage() + " " + how);
      }
      return VariableChange.problem("repository variable: not changed, the token may not write Actions variables",
          "The token cannot change " + VARIABLE + " on " + repository + " (GitHub answered " + e.status() + "). "
              + "The workflow's GITHUB_TOKEN can never write variables: use a fine-grained personal access token "
              + "with \"Variables: read and write\" on " + repository + " (or a classic token of a repository "
              + "admin) as GITHUB_TOKEN here. " + how);
    } catch (ConfigException e) {
      if (!e.missingCredential()) {
        return VariableChange.problem("repository variable: not changed", e.getMessage() + " " + how);
      }
      return VariableChange.problem("repository variable: not changed, no token", "No GitHub token is set "
          + "(GITHUB_TOKEN or GH_TOKEN), so " + VARIABLE + " on " + repository + " was not changed. Writing it needs "
          + "a fine-grained personal access token with \"Variables: read and write\" on " + repository + " (or a "
          + "classic token of a repository admin); the workflow's GITHUB_TOKEN can never write variables. Export it "
          + "as GITHUB_TOKEN and run this again. " + how);
    }
  }

  /** A shell override would keep commands run from this shell at another value. */
  private Optional<String> envOverride(int value) {
    String set = ctx.environment().get(VARIABLE);
    if (set == null || set.isBlank() || set.trim().equals(Integer.toString(value))) {
      return Optional.empty();
    }
    return Optional.of("Note: this shell sets " + VARIABLE + "=" + set.trim() + ", which overrides the file for "
        + "commands run from it; unset it.");
  }

  /** What happened to the repository variable. */
  private record VariableChange(String line, String problem, boolean unchanged) {
    static VariableChange problem(String line, String problem) {
      return new VariableChange(line, problem, false);
    }
  }
}
