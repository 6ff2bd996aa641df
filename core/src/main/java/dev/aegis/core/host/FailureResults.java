package dev.aegis.core.host;

import dev.aegis.core.config.ConfigException;
import dev.aegis.core.event.EventException;
import dev.aegis.core.host.HostResult.Outcome;
import dev.aegis.core.tracker.IdentityException;
import dev.aegis.core.tracker.TrackerException;
import dev.aegis.core.tracker.linear.LinearConfigException;
import dev.aegis.core.tracker.linear.LinearWebhookException;

/** Turns the exceptions the core throws into typed host results, in one place. */
final class FailureResults {
  private FailureResults() {}

  static HostResult toResult(RuntimeException e) {
    if (e instanceof ConfigException c) {
      return HostResult.of(Outcome.CONFIG_ERROR, c.getMessage());
    }
    if (e instanceof EventException ev) {
      return HostResult.of(Outcome.INPUT_ERROR, "Malformed event: " + ev.getMessage() + ". Nothing was changed.");
    }
    if (e instanceof LinearConfigException c) {
      return HostResult.of(Outcome.CONFIG_ERROR, c.getMessage());
    }
    if (e instanceof LinearWebhookException w) {
      return HostResult.of(Outcome.INPUT_ERROR, "Malformed Linear event: " + w.getMessage() + ". Nothing was changed.");
    }
    if (e instanceof Preflight.PreflightException p) {
      return HostResult.of(Outcome.CONFIG_ERROR, p.getMessage());
    }
    if (e instanceof IdentityException i) {
      return HostResult.of(Outcome.CONFIG_ERROR, i.getMessage());
    }
    if (e instanceof TrackerException t) {
      return tracker(t);
    }
    if (e instanceof IllegalArgumentException) {
      return HostResult.of(Outcome.INPUT_ERROR, e.getMessage());
    }
    return HostResult.of(Outcome.INTERNAL_ERROR,
        "Aegis hit an unexpected error (" + e.getClass().getSimpleName() + ": " + e.getMessage()
            + "). Please report it with this log.");
  }

  private static HostResult tracker(TrackerException t) {
    if (t.unauthorized() || t.forbidden() || t.status() == 404) {
      return HostResult.of(Outcome.AUTH_ERROR, t.getMessage());
    }
    if (t.retryAfter().isEmpty()) {
      return HostResult.of(Outcome.REMOTE_ERROR, t.getMessage());
    }
    // The adapter's message already names the tracker and the wait; only the outlook is added.
    String message = t.getMessage().endsWith(".") ? t.getMessage() : t.getMessage() + ".";
    return HostResult.of(Outcome.REMOTE_ERROR, message + " The next run will retry.");
  }
}
