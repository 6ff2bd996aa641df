package dev.aegis.jenkins;

import dev.aegis.core.host.HostCommand;
import dev.aegis.core.host.HostResult;
import java.io.Serializable;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * What came of a core call, as it travels back from the agent to the controller (the core's
 * {@link HostResult} is not serializable).
 *
 * @param outcome the name of the core's {@link HostResult.Outcome}
 * @param message the core's message, already redacted of secrets
 * @param outputs the core's outputs ({@code run-id}, {@code decision}, {@code pr-url})
 */
public record CoreOutcome(String outcome, String message, Map<String, String> outputs) implements Serializable {
  private static final long serialVersionUID = 1L;

  public CoreOutcome {
    Objects.requireNonNull(outcome, "outcome");
    message = Objects.requireNonNullElse(message, "");
    // a plain JDK map: Jenkins' class filter (JEP-200) refuses Map.copyOf's serial form on the channel
    outputs = Collections.unmodifiableMap(new HashMap<>(outputs));
  }

  /**
   * What the step answers, without calling the core, when Jenkins' global configuration pauses Aegis and the
   * command honours a pause (the core's rule, {@link dev.aegis.core.host.HostCommand#honoursPause()}): PAUSED, with
   * how to resume in Jenkins. The core's own pause message is for a pause set in a repository's file or an
   * {@code AEGIS_*} variable, where its {@code aegis resume} advice is right.
   */
  public static Optional<CoreOutcome> pausedInJenkins(
      AegisSettings settings, HostCommand command) {
    if (!settings.paused() || !command.honoursPause()) {
      return Optional.empty();
    }
    return Optional.of(new CoreOutcome(HostResult.Outcome.PAUSED.name(),
        "Aegis is paused: Max concurrent runs is 0 in Manage Jenkins > System > Aegis, so nothing was done. "
            + "Set it to 1 or more there to resume (maxConcurrentRuns in Configuration as Code).", Map.of()));
  }

  /** Copies a core result, redacting its message and outputs with {@code log}'s secrets. */
  public static CoreOutcome of(HostResult result, MaskingLog log) {
    Map<String, String> outputs = new HashMap<>();
    result.outputs().forEach((key, value) -> outputs.put(key, log.redact(value)));
    return new CoreOutcome(result.outcome().name(), log.redact(result.message()), outputs);
  }

  public boolean ok() {
    return HostResult.Outcome.OK.name().equals(outcome);
  }

  /**
   * True when the build should fail: every outcome but {@code OK} and {@code PAUSED} (a paused Aegis did
   * nothing on purpose and says so). {@code BLOCKED} fails it: the run could not finish.
   */
  public boolean failsBuild() {
    return !ok() && !HostResult.Outcome.PAUSED.name().equals(outcome);
  }

  /**
   * The map the step returns to the Pipeline: {@code outcome}, {@code message}, {@code runId},
   * {@code decision}, {@code prUrl} (empty strings when the core gave none).
   */
  public Map<String, String> toPipelineResult() {
    Map<String, String> result = new LinkedHashMap<>();
    result.put("outcome", outcome);
    result.put("message", message);
    result.put("runId", outputs.getOrDefault("run-id", ""));
    result.put("decision", outputs.getOrDefault("decision", ""));
    result.put("prUrl", outputs.getOrDefault("pr-url", ""));
    return result;
  }

  /** The message that fails the build: the core's own sentence, prefixed with the outcome. */
  public String failureMessage() {
    return "Aegis " + outcome + ": " + (message.isBlank() ? "(no message from the core)" : message);
  }
}
