package dev.aegis.jenkins;

import dev.aegis.core.config.ConfigLoader;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;
import java.util.regex.Pattern;

/** Validation of configuration values shared by the global configuration page, the step and the scan. */
public final class ConfigValidation {
  /** Scan period bounds in minutes: at least one tick, at most one day. */
  public static final int MIN_SCAN_PERIOD_MINUTES = 1;

  public static final int MAX_SCAN_PERIOD_MINUTES = 24 * 60;

  /** A GitHub login: letters, digits and single hyphens; an app's bot user ends in {@code [bot]}. */
  private static final Pattern LOGIN = Pattern.compile("[A-Za-z0-9](?:[A-Za-z0-9-]{0,38})(?:\\[bot\\])?");

  private ConfigValidation() {}

  /**
   * {@code owner/name}, by the core's rule; blank is fine (the environment or the global configuration may supply
   * it).
   */
  public static Check repository(String value) {
    return core(ConfigKeys.GITHUB_REPOSITORY, value, "for example octo-org/shop");
  }

  /** The login the token acts as; the scan and the webhook need it to recognise Aegis's own comments. */
  public static Check githubLogin(String value) {
    String login = Text.blankToNull(value);
    if (login == null) {
      return Check.warning(
          "Without it the scan and the webhook stay idle: Aegis must know which comments are its own.");
    }
    if (!LOGIN.matcher(login).matches()) {
      return Check.error(
          "Use a GitHub login such as aegis-bot, or my-app[bot] for a GitHub App (got '" + login + "').");
    }
    return Check.ok();
  }

  /** The Linear team; without the Linear API key credentials the controller cannot reach Linear. */
  public static Check linearTeam(String team, String linearCredentialsId) {
    if (Text.blankToNull(team) != null && Text.blankToNull(linearCredentialsId) == null) {
      return Check.warning(
          "Choose the Linear API key credentials too: without them the scan and the webhooks stay idle.");
    }
    return Check.ok();
  }

  /**
   * The Aegis configuration (YAML), checked by the core's own loader as the controller's calls will read it, with
   * the {@code trackers} and {@code linear.team} the form's repository and Linear team fields add.
   */
  public static Check configYaml(String yaml, String repository, String linearTeam) {
    Map<String, String> overrides = new HashMap<>();
    String team = Text.blankToNull(linearTeam);
    if (team != null) {
      overrides.put(ConfigKeys.LINEAR_TEAM, team);
    }
    Trackers.fromForm(Text.blankToNull(repository), team, yaml)
        .ifPresent(trackers -> overrides.put(ConfigKeys.TRACKERS, trackers));
    return ConfigYaml.check(yaml, overrides);
  }

  /** An absolute http(s) URL such as {@code https://ghe.example.com/api/v3}; blank means api.github.com. */
  public static Check apiUrl(String value) {
    String url = Text.blankToNull(value);
    Check core = core(ConfigKeys.GITHUB_API_URL, url, "for example https://ghe.example.com/api/v3");
    if (url == null || core.isError()) {
      return core;
    }
    // beyond the core's rule, what a form can say at once: a host is needed, and plain http shows the token
    try {
      URI uri = new URI(url);
      String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
      if (!scheme.equals("https") && !scheme.equals("http") || uri.getHost() == null) {
        return Check.error("Use an absolute http(s) URL, for example https://ghe.example.com/api/v3.");
      }
      if (scheme.equals("http")) {
        return Check.warning("Plain http sends the token unencrypted; prefer https.");
      }
      return Check.ok();
    } catch (URISyntaxException e) {
      return Check.error("Not a URL: " + e.getReason() + ".");
    }
  }

  /** Minutes between scans: whole number within bounds. */
  public static Check scanPeriodMinutes(String value) {
    return integerIn(value, MIN_SCAN_PERIOD_MINUTES, MAX_SCAN_PERIOD_MINUTES, "Scan period");
  }

  /** Max concurrent runs (a whole number by the core's rule, at most 100 in the form): 0 pauses Aegis. */
  public static Check maxConcurrentRuns(String value) {
    Check whole = Text.blankToNull(value) == null ? Check.error("Max concurrent runs is required.")
        : core(ConfigKeys.MAX_CONCURRENT_RUNS, value, "0 pauses Aegis");
    if (whole.isError()) {
      return whole;
    }
    Check range = integerIn(value, 0, 100, "Max concurrent runs");
    if (range.isError()) {
      return range;
    }
    if (Integer.parseInt(value.trim()) == 0) {
      return Check.warning("0 pauses Aegis: no scans, claims or approvals until you raise it.");
    }
    return Check.ok();
  }

  /** One of the core's modes ({@link #modes()}); blank means the core's default. */
  public static Check mode(String value) {
    return core(ConfigKeys.MODE, value, "choose one of the list");
  }

  /** The run modes the core knows, in its order. */
  public static List<String> modes() {
    return dev.aegis.core.config.ConfigKeys.find(ConfigKeys.MODE).orElseThrow().choices();
  }

  /** A label name, by the core's rule for GitHub labels: blank means the default. */
  public static Check label(String value) {
    return core(ConfigKeys.READY_LABEL, value, "name one label");
  }

  /**
   * The worker job's full name; the scan cannot start anything without it.
   *
   * @param jobs what Jenkins knows of a job by its full name
   */
  public static Check workerJob(String value, Function<String, JobState> jobs) {
    String job = Text.blankToNull(value);
    if (job == null) {
      return Check.warning("Without a worker job the periodic scan stays idle.");
    }
    if (job.startsWith("/") || job.endsWith("/")) {
      return Check.error("Use the job's full name without leading or trailing '/', for example aegis/worker.");
    }
    return switch (jobs.apply(job)) {
      case MISSING -> Check.error("No job has the full name '" + job + "': use the path of the job's URL without "
          + "the job/ parts (folder/worker for /job/folder/job/worker/), and create the job first.");
      case NOT_BUILDABLE -> Check.warning("'" + job + "' cannot be built now (disabled?): the work Aegis finds waits, "
          + "and is retried at each scan, until it can.");
      case BUILDABLE -> Check.ok();
    };
  }

  /** What Jenkins knows of a job by its full name. */
  public enum JobState {
    MISSING,
    NOT_BUILDABLE,
    BUILDABLE
  }

  /**
   * The core's verdict on one value of {@code key} ({@link ConfigLoader#problem}), as the loader words it, followed
   * by {@code advice}; blank values are fine (the core's default or another source applies).
   */
  private static Check core(String key, String value, String advice) {
    String text = Text.blankToNull(value);
    if (text == null) {
      return Check.ok();
    }
    return ConfigLoader.problem(key, text)
        .map(problem -> Check.error(Character.toUpperCase(problem.charAt(0)) + problem.substring(1) + ": " + advice + "."))
        .orElse(Check.ok());
  }

  private static Check integerIn(String value, int min, int max, String what) {
    String text = Text.blankToNull(value);
    if (text == null) {
      return Check.error(what + " is required.");
    }
    try {
      int number = Integer.parseInt(text);
      if (number < min || number > max) {
        return Check.error(what + " must be between " + min + " and " + max + ".");
      }
      return Check.ok();
    } catch (NumberFormatException e) {
      return Check.error(what + " must be a whole number.");
    }
  }
}
