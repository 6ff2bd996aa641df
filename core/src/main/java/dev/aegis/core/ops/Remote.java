package dev.aegis.core.ops;

import dev.aegis.core.config.ConfigException;
import dev.aegis.core.config.ConfigKeys;
import dev.aegis.core.tracker.TrackerException;
import dev.aegis.core.tracker.linear.LinearConfigException;

/** Turns what connecting to and reading from GitHub can throw into an outcome and advice, in one place. */
final class Remote {
  private Remote() {}

  /** The outcome of a failure while connecting or reading. */
  static OpsOutcome outcomeOf(RuntimeException e) {
    // As the host commands do (host.FailureResults): a missing token is configuration (3), a refused one is auth (4).
    if (e instanceof ConfigException || e instanceof LinearConfigException) {
      return OpsOutcome.CONFIG_ERROR;
    }
    if (e instanceof TrackerException t) {
      return t.unauthorized() || t.forbidden() || t.status() == 404 ? OpsOutcome.AUTH_ERROR : OpsOutcome.REMOTE_ERROR;
    }
    throw e;
  }

  /** True for the failures {@link #outcomeOf} knows; anything else is a bug and propagates. */
  static boolean expected(RuntimeException e) {
    return e instanceof ConfigException || e instanceof TrackerException;
  }

  /** What went wrong reaching {@code repository}, and what to do about it. */
  static String advice(RuntimeException e, OpsContext ctx) {
    String repository = ctx.repositoryOrHint();
    String api = ctx.config().text(ConfigKeys.GITHUB_API_URL).orElse("https://api.github.com");
    if (e instanceof TrackerException t) {
      if (t.unauthorized()) {
        return "GitHub refused the token (401): it is wrong, expired or revoked, or was made for another GitHub than "
            + api + ". Create a new one and export GITHUB_TOKEN.";
      }
      if (t.status() == 404) {
        return "GitHub answered 404 for " + repository + ": not found, or the token cannot see it. Either the name "
            + "is wrong (check github.repository, --repo or the origin remote) or the token cannot see it (a "
            + "fine-grained token must list this repository; a GitHub App must be installed on it).";
      }
      if (t.forbidden()) {
        return "GitHub answered 403 for " + repository + ": " + t.getMessage();
      }
      return t.getMessage();
    }
    return e.getMessage();
  }
}
