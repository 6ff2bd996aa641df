package dev.aegis.core.host;

import java.util.Map;
import java.util.Objects;

/**
 * What came of a host call.
 *
 * @param outcome the typed outcome; hosts map it to exit codes or build results in one place
 * @param message one plain-English sentence for the user (what happened, what to do next)
 * @param outputs values for the host to expose: {@code run-id}, {@code decision}, {@code pr-url}
 */
public record HostResult(Outcome outcome, String message, Map<String, String> outputs) {
  public HostResult {
    Objects.requireNonNull(outcome, "outcome");
    message = Objects.requireNonNullElse(message, "");
    outputs = Map.copyOf(outputs);
  }

  public static HostResult of(Outcome outcome, String message) {
    return new HostResult(outcome, message, Map.of());
  }

  /** The typed outcomes of a host call. */
  public enum Outcome {
    /** Did what was asked (including "nothing to do"). */
    OK,
    /** Configuration is missing or invalid; the message names the key and the file. */
    CONFIG_ERROR,
    /** Bad input: malformed event, unknown command or issue, missing argument. */
    INPUT_ERROR,
    /** The token or key was refused, or lacks a permission. */
    AUTH_ERROR,
    /** A remote service failed or rate limited us after retries. */
    REMOTE_ERROR,
    /** The run could not finish and was marked blocked. */
    BLOCKED,
    /** Aegis is paused (max concurrent runs is 0); nothing was done. */
    PAUSED,
    /** A bug in Aegis. */
    INTERNAL_ERROR
  }
}
