package dev.aegis.jenkins;

import dev.aegis.core.host.HostCommand;
import dev.aegis.core.host.HostEntry;
import dev.aegis.core.host.HostLog;
import dev.aegis.core.host.HostResult;
import dev.aegis.core.host.WorkItem;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Hands one verified GitHub webhook event to the core's {@code event} command on the controller, the way
 * GitHub Actions hands an event to {@code aegis action}: the payload in a file named by
 * {@code GITHUB_EVENT_PATH}, the event name in {@code GITHUB_EVENT_NAME}. The command is dispatch-only: it
 * claims, records approvals and answers on the tracker, and returns the agent work instead of running it.
 */
public final class CoreEventSource {
  private final HostEntry entry;
  private final ControllerContext context;
  private final Path scratch;

  /**
   * @param entry the core
   * @param context overrides and secrets from the global configuration
   * @param scratch the controller's scratch directory (the event file is written there, then deleted)
   */
  public CoreEventSource(HostEntry entry, ControllerContext context, Path scratch) {
    this.entry = Objects.requireNonNull(entry, "entry");
    this.context = Objects.requireNonNull(context, "context");
    this.scratch = Objects.requireNonNull(scratch, "scratch");
  }

  /**
   * @return the agent work the event led to, possibly empty
   * @throws UncheckedIOException when the event file cannot be written
   */
  public List<WorkItem> find(WebhookEvent event, HostLog log) {
    Path file = write(event);
    try {
      Map<String, String> variables =
          Map.of(ControllerRequests.ENV_EVENT_NAME, event.event(), ControllerRequests.ENV_EVENT_PATH, file.toString());
      HostResult result = entry.execute(ControllerRequests.of(HostCommand.EVENT, context, scratch, variables), log);
      if (result.outcome() != HostResult.Outcome.OK) {
        log.warn("GitHub event " + event.describe() + ": " + result.outcome() + ": " + result.message());
      }
      return CoreWork.of(result, log);
    } finally {
      try {
        Files.deleteIfExists(file);
      } catch (IOException e) {
        log.warn("Could not delete the event file " + file + ": " + e.getMessage());
      }
    }
  }

  private Path write(WebhookEvent event) {
    try {
      Files.createDirectories(scratch);
      Path file = Files.createTempFile(scratch, "event-", ".json");
      Files.write(file, event.body());
      return file;
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write the event payload under " + scratch + ": " + e.getMessage(), e);
    }
  }
}
