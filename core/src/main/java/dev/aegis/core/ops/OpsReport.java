package dev.aegis.core.ops;

import java.util.List;
import java.util.Objects;

/**
 * What a maintainer command found or did, ready to print.
 *
 * @param outcome how it ended
 * @param lines the report, one line each, for standard output; never contains a secret
 * @param problem what went wrong and what to do next, for standard error; empty when {@code outcome} is OK
 */
public record OpsReport(OpsOutcome outcome, List<String> lines, String problem) {
  public OpsReport {
    Objects.requireNonNull(outcome, "outcome");
    lines = List.copyOf(lines);
    problem = Objects.requireNonNullElse(problem, "");
  }
}
