package dev.aegis.core.agent;

/** The structured result of a finished run: a {@link PlanReport} or a {@link FixReport}. */
public sealed interface Report permits PlanReport, FixReport {
  /** One or two sentences. */
  String summary();
}
