package dev.aegis.core.agent;

import dev.aegis.core.model.Usage;
import java.nio.file.Path;
import java.util.Objects;
import java.util.Optional;

/**
 * How a run ended.
 *
 * @param stop why it stopped; {@link Stop#outcome()} is the run's outcome
 * @param report the report when {@link Stop.Reason#FINISHED}, else null
 * @param steps model calls made
 * @param usage tokens over the run
 * @param costDollars the cost from the price table; meaningful only when {@code priced}
 * @param priced false when the model is not in the price table (the cost is then unknown, not zero)
 * @param transcript the transcript file
 * @param auditLog the audit log file
 * @param auditFinalHash the audit log's last hash: publish it (job summary, status comment) so a cut-off
 *     log is caught by {@code aegis audit verify --expect-hash}
 * @param isolation how commands were isolated, one line
 * @param savedDollars what the provider's prompt cache saved (cached tokens at the uncached price, less their
 *     cached price); 0 when unpriced or nothing was cached
 */
public record EngineResult(
    Stop stop, Report report, int steps, Usage usage, double costDollars, boolean priced, Path transcript,
    Path auditLog, String auditFinalHash, String isolation, double savedDollars) {
  public EngineResult {
    Objects.requireNonNull(stop, "stop");
    Objects.requireNonNull(usage, "usage");
    Objects.requireNonNull(transcript, "transcript");
    Objects.requireNonNull(auditLog, "auditLog");
    Objects.requireNonNull(auditFinalHash, "auditFinalHash");
    isolation = Objects.requireNonNullElse(isolation, "");
  }

  /** A result with nothing saved by a prompt cache (engines that do not report it). */
  public EngineResult(Stop stop, Report report, int steps, Usage usage, double costDollars, boolean priced,
      Path transcript, Path auditLog, String auditFinalHash, String isolation) {
    this(stop, report, steps, usage, costDollars, priced, transcript, auditLog, auditFinalHash, isolation, 0);
  }

  /** {@code 12,345 cached, saving $0.0312}, or empty when nothing was cached. */
  public String cacheText() {
    if (usage.cachedInputTokens() == 0) {
      return "";
    }
    return usage.cachedInputTokens() + " cached" + (priced
        ? String.format(java.util.Locale.ROOT, ", saving $%.4f", savedDollars) : "");
  }

  public Stop.Outcome outcome() {
    return stop.outcome();
  }

  public Optional<PlanReport> plan() {
    return report instanceof PlanReport plan ? Optional.of(plan) : Optional.empty();
  }

  public Optional<FixReport> fix() {
    return report instanceof FixReport fix ? Optional.of(fix) : Optional.empty();
  }

  /** {@code $0.0123}, or {@code unknown} for an unpriced model. */
  public String costText() {
    return priced ? String.format(java.util.Locale.ROOT, "$%.4f", costDollars) : "unknown (model not in price table)";
  }
}
