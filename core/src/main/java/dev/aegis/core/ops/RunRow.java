package dev.aegis.core.ops;

import dev.aegis.core.tracker.IssueKey;
import dev.aegis.core.tracker.Phase;
import java.time.Instant;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;

/**
 * One issue Aegis holds, as {@code aegis runs} lists it: the phase its label shows, and what the latest status
 * comment Aegis wrote on it says.
 *
 * @param issue which issue
 * @param title its (cleaned) title
 * @param phase the phase its {@code aegis:*} label shows
 * @param stage the run's finer stage ({@code planning}, {@code implementing}, ...), when recorded
 * @param runId the run id, empty when the issue has no status comment (needs-info questions, hand-set labels)
 * @param updatedAt when the run's state last changed; the issue's own update time without a status comment
 * @param prUrl the pull request, once opened
 * @param cost the run's model spend so far, rendered ({@code $0.0312}), when known
 * @param stale true for a run in progress with no update for the stale-after time ({@code aegis recover})
 */
record RunRow(
    IssueKey issue,
    String title,
    Phase phase,
    Optional<String> stage,
    Optional<String> runId,
    Instant updatedAt,
    Optional<String> prUrl,
    Optional<String> cost,
    boolean stale) {

  RunRow {
    Objects.requireNonNull(issue, "issue");
    title = Objects.requireNonNullElse(title, "");
    Objects.requireNonNull(phase, "phase");
    Objects.requireNonNull(stage, "stage");
    Objects.requireNonNull(runId, "runId");
    Objects.requireNonNull(updatedAt, "updatedAt");
    Objects.requireNonNull(prUrl, "prUrl");
    Objects.requireNonNull(cost, "cost");
  }

  /** {@code in-progress}, or {@code in-progress/implementing} when the stage says more than the phase. */
  String phaseText() {
    String name = phase.name().toLowerCase(Locale.ROOT).replace('_', '-');
    return stage.filter(s -> !s.equals(name)).map(s -> name + "/" + s).orElse(name);
  }
}
