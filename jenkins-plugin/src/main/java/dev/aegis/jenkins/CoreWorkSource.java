package dev.aegis.jenkins;

import dev.aegis.core.host.HostCommand;
import dev.aegis.core.host.HostEntry;
import dev.aegis.core.host.HostLog;
import dev.aegis.core.host.HostResult;
import dev.aegis.core.host.WorkItem;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The {@link WorkSource} backed by the core, run on the controller: one {@code scan} call, which recovers
 * stale runs, reads commands from the comments of the issues Aegis holds (the tracker records which were
 * handled, so no time window is needed), claims ready issues and records approvals. It runs no agent: the
 * agent work comes back in the {@code work} output, read with the core's {@link WorkItem}.
 */
public final class CoreWorkSource implements WorkSource {
  private final HostEntry entry;
  private final ControllerContext context;
  private final Path scratch;

  /**
   * @param entry the core
   * @param context overrides and secrets from the global configuration
   * @param scratch a directory the core may use as its workspace (the scan has no checkout)
   */
  public CoreWorkSource(HostEntry entry, ControllerContext context, Path scratch) {
    this.entry = Objects.requireNonNull(entry, "entry");
    this.context = Objects.requireNonNull(context, "context");
    this.scratch = Objects.requireNonNull(scratch, "scratch");
  }

  @Override
  public List<WorkItem> findWork(AegisSettings settings, HostLog log) {
    HostResult result = entry.execute(ControllerRequests.of(HostCommand.SCAN, context, scratch, Map.of()), log);
    if (result.outcome() != HostResult.Outcome.OK) {
      // a scan that blocked one run still reports the work it queued for the others
      log.warn("Aegis scan: " + result.outcome() + ": " + result.message());
    }
    return CoreWork.of(result, log);
  }
}
