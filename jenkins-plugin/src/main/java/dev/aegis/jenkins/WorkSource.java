package dev.aegis.jenkins;

import dev.aegis.core.host.HostLog;
import java.util.List;

/**
 * Where the periodic scan gets its work: ready issues to plan (claimed), approval commands posted since
 * the last scan, and stale-run recovery. The standard implementation is {@link CoreWorkSource}.
 */
public interface WorkSource {

  /**
   * Finds the work to start now. Writes to the tracker (claims, recovery) are the source's own business;
   * starting builds is the scan's.
   *
   * @param request the configuration and time window
   * @param log the scan log (secrets already masked)
   * @return work items, possibly empty; never null
   * @throws RuntimeException when the source fails; the scan logs it and tries again next period
   */
  List<WorkItem> findWork(ScanRequest request, HostLog log);
}
