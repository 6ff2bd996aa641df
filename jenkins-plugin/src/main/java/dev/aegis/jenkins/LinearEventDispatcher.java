package dev.aegis.jenkins;

import dev.aegis.core.tracker.linear.LinearWebhookEvent;
import java.util.Objects;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.function.Supplier;

/**
 * The Linear endpoint's {@link LinearDispatcher}: a verified issue {@code create}/{@code update} or comment
 * {@code create} is handed to the core's {@code linear-event} command off the request thread, and the work it
 * returns is started like the scan's. Other deliveries (labels, projects, removals), deliveries about another
 * team's issue (when the payload names the team and the form names Linear's team), and every delivery while
 * Aegis is paused, not configured, or not tracking Linear are answered at once without any core call. The core
 * reads the issue and the comment again from Linear, so the payload is only a trigger.
 */
public final class LinearEventDispatcher implements LinearDispatcher {
  private final Supplier<AegisSettings> settings;
  private final Executor executor;
  private final DeliveryHandler handler;

  /**
   * @param settings reads the current global configuration
   * @param executor runs the handler off the request thread (one at a time)
   * @param handler calls the core and starts the work
   */
  public LinearEventDispatcher(Supplier<AegisSettings> settings, Executor executor, DeliveryHandler handler) {
    this.settings = Objects.requireNonNull(settings, "settings");
    this.executor = Objects.requireNonNull(executor, "executor");
    this.handler = Objects.requireNonNull(handler, "handler");
  }

  @Override
  public WebhookDispatcher.Dispatch dispatch(LinearDelivery delivery) {
    LinearWebhookEvent event = delivery.event();
    if (!event.issueCreated() && !event.issueUpdated() && !event.commentCreated()) {
      return ignored("ignored Linear " + event.type() + "." + event.action() + ": Aegis needs nothing from it");
    }
    AegisSettings current = settings.get();
    if (current.paused()) {
      return ignored("Aegis is paused (max concurrent runs is 0): event ignored");
    }
    String missing = new ScanScheduler().missingConfiguration(current);
    if (missing != null) {
      return ignored("Aegis is not configured (" + missing + "): event ignored");
    }
    if (!Trackers.includesLinear(current)) {
      return ignored("Aegis does not track Linear (set the Linear team): event ignored");
    }
    LinearWebhookEvent.Team team = teamOf(event);
    if (!isConfiguredTeam(team, current.linearTeam())) {
      return ignored("ignored: the issue is in team " + team.key() + ", Aegis watches " + current.linearTeam());
    }
    try {
      executor.execute(() -> handler.handle(current, delivery));
    } catch (RejectedExecutionException e) {
      return ignored("Aegis is busy: the next scan picks this up");
    }
    return new WebhookDispatcher.Dispatch(true, "accepted: Aegis handles Linear " + delivery.describe());
  }

  private static LinearWebhookEvent.Team teamOf(LinearWebhookEvent event) {
    if (event.issue() != null) {
      return event.issue().team();
    }
    return event.comment() == null ? null : event.comment().team();
  }

  /** True unless both the payload's team and the form's team are known and they differ. */
  private static boolean isConfiguredTeam(LinearWebhookEvent.Team team, String configured) {
    if (configured == null || team == null || team.key() == null) {
      return true;
    }
    return configured.equalsIgnoreCase(team.key()) || configured.equalsIgnoreCase(team.name());
  }

  private static WebhookDispatcher.Dispatch ignored(String message) {
    return new WebhookDispatcher.Dispatch(false, message);
  }

  /** Handles an accepted delivery (on the executor's thread). Must not throw. */
  @FunctionalInterface
  public interface DeliveryHandler {
    void handle(AegisSettings settings, LinearDelivery delivery);
  }
}
