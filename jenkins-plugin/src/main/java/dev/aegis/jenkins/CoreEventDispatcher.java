package dev.aegis.jenkins;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.function.Supplier;

/**
 * The webhook's {@link WebhookDispatcher}: a verified {@code issues} or {@code issue_comment} event for the
 * configured repository is handed to the core's {@code event} command off the request thread (GitHub gives
 * a delivery ten seconds; the tracker calls may take longer), and the work it returns is started like the
 * scan's. Other events, events for other repositories (an organization webhook), and every event while
 * Aegis is paused or not configured are answered at once without any core call.
 */
public final class CoreEventDispatcher implements WebhookDispatcher {
  /** The events the core acts on; the others are acknowledged and ignored. */
  static final Set<String> EVENTS = Set.of("issues", "issue_comment");

  private static final ObjectMapper JSON = new ObjectMapper();

  private final Supplier<AegisSettings> settings;
  private final Executor executor;
  private final EventHandler handler;

  /**
   * @param settings reads the current global configuration
   * @param executor runs the handler off the request thread (one at a time)
   * @param handler calls the core and starts the work
   */
  public CoreEventDispatcher(Supplier<AegisSettings> settings, Executor executor, EventHandler handler) {
    this.settings = settings;
    this.executor = executor;
    this.handler = handler;
  }

  @Override
  public Dispatch dispatch(WebhookEvent event) {
    if (!EVENTS.contains(event.event())) {
      return new Dispatch(false, "ignored event '" + event.event() + "'");
    }
    AegisSettings current = settings.get();
    if (current.paused()) {
      return new Dispatch(false, "Aegis is paused (max concurrent runs is 0): event ignored");
    }
    String missing = new ScanScheduler().missingConfiguration(current);
    if (missing != null) {
      return new Dispatch(false, "Aegis is not configured (" + missing + "): event ignored");
    }
    Optional<String> repository = repositoryOf(event);
    if (repository.isEmpty() || !repository.get().equalsIgnoreCase(current.repository())) {
      String target = repository.orElse("no repository");
      return new Dispatch(false, "ignored: the event is for " + target + ", Aegis watches " + current.repository());
    }
    try {
      executor.execute(() -> handler.handle(current, event));
    } catch (RejectedExecutionException e) {
      return new Dispatch(false, "Aegis is busy: the next scan picks this up");
    }
    return new Dispatch(true, "accepted: Aegis handles the " + event.event() + " event");
  }

  /** The payload's {@code repository.full_name}, when it is JSON and has one. */
  static Optional<String> repositoryOf(WebhookEvent event) {
    try {
      JsonNode name = JSON.readTree(event.body()).path("repository").path("full_name");
      return name.isTextual() && !name.asText().isBlank() ? Optional.of(name.asText()) : Optional.empty();
    } catch (IOException | RuntimeException e) {
      return Optional.empty();
    }
  }

  /** Handles an accepted event (on the executor's thread). Must not throw. */
  @FunctionalInterface
  public interface EventHandler {
    void handle(AegisSettings settings, WebhookEvent event);
  }
}
