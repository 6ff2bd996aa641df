package dev.aegis.jenkins;

import java.util.Objects;

/**
 * What one tick of the scan did.
 *
 * @param decision whether it scanned
 * @param starts the work it started, skipped as already started, or could not start
 */
public record ScanReport(ScanDecision decision, WorkStarter.Starts starts) {
  public ScanReport {
    Objects.requireNonNull(decision, "decision");
    Objects.requireNonNull(starts, "starts");
  }

  static ScanReport idle(ScanDecision decision) {
    return new ScanReport(decision, WorkStarter.Starts.none());
  }
}
