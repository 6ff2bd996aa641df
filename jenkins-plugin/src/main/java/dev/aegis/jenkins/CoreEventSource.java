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
import java.util.function.Function;

/**
 * Hands one verified webhook delivery to the core on the controller. A GitHub event goes to the {@code event}
 * command the way GitHub Actions hands an event to {@code aegis action}: the payload in a file named by
 * {@code GITHUB_EVENT_PATH}, the event name in {@code GITHUB_EVENT_NAME}. A Linear delivery goes to
 * {@code linear-event}, its raw body in a file named by {@code LINEAR_EVENT_PATH}. Both commands are
 * dispatch-only: they claim, record approvals and answer on the tracker, and return the agent work instead of
 * running it.
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
   * @return the agent work the GitHub event led to, possibly empty
   * @throws UncheckedIOException when the event file cannot be written
   */
  public List<WorkItem> find(WebhookEvent event, HostLog log) {
    return call(
        HostCommand.EVENT,
        event.body(),
        file -> Map.of(ControllerRequests.ENV_EVENT_NAME, event.event(), ControllerRequests.ENV_EVENT_PATH, file),
        "GitHub event " + event.describe(),
        log);
  }

  /**
   * @return the agent work the Linear delivery led to, possibly empty
   * @throws UncheckedIOException when the event file cannot be written
   */
  public List<WorkItem> find(LinearDelivery delivery, HostLog log) {
    return call(
        HostCommand.LINEAR_EVENT,
        delivery.body(),
        file -> Map.of(HostCommand.LINEAR_EVENT_PATH, file),
        "Linear event " + delivery.describe(),
        log);
  }

  private List<WorkItem> call(
      HostCommand command, byte[] body, Function<String, Map<String, String>> variables, String what, HostLog log) {
    Path file = write(body);
    try {
      HostResult result =
          entry.execute(ControllerRequests.of(command, context, scratch, variables.apply(file.toString())), log);
      if (result.outcome() != HostResult.Outcome.OK) {
        log.warn(what + ": " + result.outcome() + ": " + result.message());
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

  private Path write(byte[] body) {
    try {
      Files.createDirectories(scratch);
      Path file = Files.createTempFile(scratch, "event-", ".json");
      Files.write(file, body);
      return file;
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write the event payload under " + scratch + ": " + e.getMessage(), e);
    }
  }
}
