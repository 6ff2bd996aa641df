package dev.aegis.jenkins;

import dev.aegis.core.host.HostCommand;
import dev.aegis.core.host.HostEntry;
import dev.aegis.core.host.HostLog;
import dev.aegis.core.host.HostRequest;
import dev.aegis.core.host.HostResult;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * The {@link WorkSource} backed by the core, run on the controller: {@code recover} (stale runs become
 * blocked), then {@code pickup} (claims ready bugs and reports the work to start in the {@link WorkOutputs}
 * format). A failed step is logged and the scan goes on with what it has.
 */
public final class CoreWorkSource implements WorkSource {
  private final HostEntry entry;
  private final ControllerContext context;
  private final Path scratch;

  /**
   * @param entry the core
   * @param context overrides and secrets from the global configuration
   * @param scratch an empty directory the core may use as its workspace (the scan has no checkout)
   */
  public CoreWorkSource(HostEntry entry, ControllerContext context, Path scratch) {
    this.entry = Objects.requireNonNull(entry, "entry");
    this.context = Objects.requireNonNull(context, "context");
    this.scratch = Objects.requireNonNull(scratch, "scratch");
  }

  @Override
  public List<WorkItem> findWork(ScanRequest request, HostLog log) {
    List<WorkItem> work = new ArrayList<>();
    HostResult recovery = entry.execute(request(HostCommand.RECOVER), log);
    if (recovery.outcome() != HostResult.Outcome.OK) {
      log.warn("Stale-run recovery: " + recovery.outcome() + ": " + recovery.message());
    }
    HostResult pickup = entry.execute(request(HostCommand.PICKUP), log);
    if (pickup.outcome() != HostResult.Outcome.OK) {
      log.warn("Pickup: " + pickup.outcome() + ": " + pickup.message());
      return work;
    }
    work.addAll(WorkOutputs.parse(pickup.outputs(), log));
    return work;
  }

  private HostRequest request(HostCommand command) {
    return new HostRequest(command, null, null, false, null, context.overrides(), context.environment(), scratch);
  }
}
