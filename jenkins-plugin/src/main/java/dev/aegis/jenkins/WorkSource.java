package dev.aegis.jenkins;

import dev.aegis.core.host.HostLog;
import dev.aegis.core.host.WorkItem;
import java.util.List;

/**
 * Where the periodic scan gets its work: the agent work (plan a claimed issue, implement an approved run)
 * that the tracker calls of one scan left for workers. The standard implementation is {@link CoreWorkSource}.
 */
public interface WorkSource {

  /**
   * Finds the work to start now. Writes to the tracker (recovery, claims, recorded approvals) are the
   * source's own business; starting builds is the scan's.
   *
   * @param settings the global configuration at the time of the scan
   * @param log the scan log (secrets already masked)
   * @return work items, possibly empty; never null
   * @throws RuntimeException when the source fails; the scan logs it and tries again next period
   */
  List<WorkItem> findWork(AegisSettings settings, HostLog log);
}
