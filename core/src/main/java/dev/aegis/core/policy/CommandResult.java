package dev.aegis.core.policy;

import java.time.Duration;
import java.util.Objects;

/**
 * What a command did.
 *
 * @param exitCode the exit status; -1 when it was killed for its timeout
 * @param timedOut true when it was killed for taking too long
 * @param output stdout and stderr interleaved, not yet redacted or capped (very large output keeps its
 *     first and last megabytes)
 * @param elapsed how long it ran
 */
public record CommandResult(int exitCode, boolean timedOut, String output, Duration elapsed) {
  public CommandResult {
    output = Objects.requireNonNullElse(output, "");
    Objects.requireNonNull(elapsed, "elapsed");
  }
}
