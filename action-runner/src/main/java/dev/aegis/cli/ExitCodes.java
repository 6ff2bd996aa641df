package dev.aegis.cli;

import dev.aegis.core.agent.Stop;
import dev.aegis.core.host.HostResult.Outcome;
import dev.aegis.core.ops.OpsOutcome;
import java.util.ArrayList;
import java.util.List;

/**
 * Every exit code of the {@code aegis} command, in one place: the constants, what each means ({@link #TABLE}, which
 * {@code aegis --help} and the README's exit-code table print), and the mapping from each core outcome. The same
 * failure gets the same code in every command: no token set is 3 (configuration) everywhere, a refused token 4,
 * an unreachable or failing GitHub 5. Workflows and scripts can rely on them.
 */
public final class ExitCodes {
  public static final int OK = 0;
  public static final int USAGE = 2;
  public static final int CONFIG = 3;
  public static final int AUTH = 4;
  public static final int REMOTE = 5;
  public static final int BLOCKED = 6;
  public static final int AUDIT_BROKEN = 7;
  public static final int LOCAL_ONLY = 8;
  public static final int INTERNAL = 70;

  /**
   * One exit code: its number, the word or two {@code --help} shows, and the full meaning the README shows.
   *
   * @param code the process exit code
   * @param brief for the one-line summary in {@code aegis --help}
   * @param meaning the failures (or successes) that end with this code
   */
  record Row(int code, String brief, String meaning) {}

  /** Every exit code, in order. */
  static final List<Row> TABLE = List.of(
      new Row(OK, "done", "done (also: nothing to do, already set, paused)"),
      new Row(USAGE, "bad input", "bad input: unknown option or value, malformed event, unknown issue, a directory "
          + "that does not exist or is not a git checkout"),
      new Row(CONFIG, "bad config or no token", "configuration missing or invalid, including no token or key set "
          + "(`GITHUB_TOKEN`, `LINEAR_API_KEY`, the model key), or `.aegis/config.yml` cannot be edited safely"),
      new Row(AUTH, "token refused", "a token or key was refused, lacks a permission, or cannot see the repository "
          + "(404: not found, or the token cannot see it)"),
      new Row(REMOTE, "remote failure", "a remote service (GitHub, Linear, the model API) is unreachable, failed or "
          + "rate limited after retries"),
      new Row(BLOCKED, "blocked", "a run could not finish and was marked blocked"),
      new Row(AUDIT_BROKEN, "audit log broken", "an audit log failed verification"),
      new Row(LOCAL_ONLY, "paused/resumed locally only", "`pause`/`resume` set only `.aegis/config.yml`: the "
          + "repository variable could not be set (no token, a token that may not write variables, GitHub "
          + "unreachable); in these commands it stands for 3, 4 and 5"),
      new Row(INTERNAL, "bug", "a bug in Aegis"));

  /** The summary {@code aegis --help} prints, in lines short enough not to wrap. */
  static List<String> summary() {
    List<String> lines = new ArrayList<>();
    StringBuilder line = new StringBuilder("Exit codes:");
    for (int i = 0; i < TABLE.size(); i++) {
      Row row = TABLE.get(i);
      String item = " " + row.code() + " " + row.brief() + (i == TABLE.size() - 1 ? "." : ",");
      if (line.length() + item.length() > 76) {
        lines.add(line.toString());
        line = new StringBuilder(item.substring(1));
      } else {
        line.append(item);
      }
    }
    lines.add(line.toString());
    return lines;
  }

  private ExitCodes() {}

  /** The exit code of a core outcome. */
  public static int of(Outcome outcome) {
    return switch (outcome) {
      case OK, PAUSED -> OK;
      case INPUT_ERROR -> USAGE;
      case CONFIG_ERROR -> CONFIG;
      case AUTH_ERROR -> AUTH;
      case REMOTE_ERROR -> REMOTE;
      case BLOCKED -> BLOCKED;
      case INTERNAL_ERROR -> INTERNAL;
    };
  }

  /** The exit code of a maintainer command's outcome. */
  public static int of(OpsOutcome outcome) {
    return switch (outcome) {
      case OK -> OK;
      case LOCAL_ONLY -> LOCAL_ONLY;
      case CONFIG_ERROR -> CONFIG;
      case AUTH_ERROR -> AUTH;
      case REMOTE_ERROR -> REMOTE;
    };
  }

  /** The exit code of an agent run's outcome. */
  public static int of(Stop.Outcome outcome) {
    return switch (outcome) {
      case FINISHED -> OK;
      case BLOCKED -> BLOCKED;
      case CONFIG_ERROR -> CONFIG;
      case AUTH_ERROR -> AUTH;
      case REMOTE_ERROR -> REMOTE;
      case INTERNAL_ERROR -> INTERNAL;
    };
  }
}
