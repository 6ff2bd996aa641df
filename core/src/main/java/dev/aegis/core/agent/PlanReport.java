package dev.aegis.core.agent;

import java.util.List;
import java.util.Objects;

/**
 * The root-cause analysis of a plan run: what the RCA comment shows. All text is redacted; it is still the
 * model's prose, so hosts render it as untrusted Markdown.
 *
 * @param summary the bug in a sentence or two
 * @param rootCause why it happens
 * @param evidence file:line pointers with notes, at least one
 * @param fixPlan the proposed minimal fix
 * @param testPlan the regression test to add and the command to run
 * @param risk the fix's risk
 */
public record PlanReport(
    String summary, String rootCause, List<Evidence> evidence, String fixPlan, String testPlan, Risk risk)
    implements Report {
  public PlanReport {
    Objects.requireNonNull(summary, "summary");
    Objects.requireNonNull(rootCause, "rootCause");
    evidence = List.copyOf(evidence);
    Objects.requireNonNull(fixPlan, "fixPlan");
    Objects.requireNonNull(testPlan, "testPlan");
    Objects.requireNonNull(risk, "risk");
  }
}
