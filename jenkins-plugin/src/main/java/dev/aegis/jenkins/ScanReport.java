package dev.aegis.jenkins;

import java.util.List;
import java.util.Objects;

/**
 * What one tick of the scan did.
 *
 * @param decision whether it scanned
 * @param started work whose worker build was queued
 * @param skipped work already started earlier (deduplicated)
 * @param failed work that could not be started (retried next scan)
 */
public record ScanReport(
    ScanDecision decision, List<WorkItem> started, List<WorkItem> skipped, List<WorkItem> failed) {
  public ScanReport {
    Objects.requireNonNull(decision, "decision");
    started = List.copyOf(started);
    skipped = List.copyOf(skipped);
    failed = List.copyOf(failed);
  }

  static ScanReport idle(ScanDecision decision) {
    return new ScanReport(decision, List.of(), List.of(), List.of());
  }
}
