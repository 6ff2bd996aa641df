package dev.aegis.jenkins;

import java.time.Instant;
import java.util.Objects;

/**
 * What a {@link WorkSource} is asked on a scan.
 *
 * @param settings the global configuration at the time of the scan
 * @param since start of the window for approval commands: the previous scan's start (or one period back
 *     after a restart)
 */
public record ScanRequest(AegisSettings settings, Instant since) {
  public ScanRequest {
    Objects.requireNonNull(settings, "settings");
    Objects.requireNonNull(since, "since");
  }
}
