package dev.aegis.core.agent;

/**
 * Renders a finished run as Markdown for a status comment, a PR body or a job summary. The report's prose
 * comes from the model: it is redacted, but hosts should still post it as plain Markdown (no HTML).
 */
public final class ReportMarkdown {
  private ReportMarkdown() {}

  /** The whole result: the report (when there is one), the stop, usage and cost. */
  public static String render(EngineResult result) {
    StringBuilder out = new StringBuilder();
    if (result.report() instanceof PlanReport plan) {
      out.append(plan(plan));
    } else if (result.report() instanceof FixReport fix) {
      out.append(fix(fix));
    } else {
      out.append("### Run stopped\n\n").append(result.stop().explain()).append("\n\n");
    }
    out.append("<sub>").append(result.steps()).append(" steps · ").append(result.usage().inputTokens())
        .append(" tokens in").append(result.cacheText().isEmpty() ? "" : " (" + result.cacheText() + ")")
        .append(", ").append(result.usage().outputTokens()).append(" out · cost ")
        .append(result.costText()).append(" · audit ").append(shortHash(result.auditFinalHash()))
        .append("</sub>\n");
    return out.toString();
  }

  /** The RCA section: summary, root cause, evidence, fix plan, test plan, risk. */
  public static String plan(PlanReport plan) {
    StringBuilder out = new StringBuilder("### Root-cause analysis\n\n");
    out.append(plan.summary()).append("\n\n**Root cause.** ").append(plan.rootCause()).append("\n\n");
    out.append("**Evidence**\n\n");
    for (Evidence e : plan.evidence()) {
      out.append("- `").append(e.location().replace("`", "'")).append("`: ").append(e.note()).append('\n');
    }
    out.append("\n**Proposed fix.** ").append(plan.fixPlan()).append("\n\n**Regression test.** ")
        .append(plan.testPlan()).append("\n\n**Risk:** ").append(plan.risk().label()).append("\n\n");
    return out.toString();
  }

  /** The fix section: summary, changed files, the re-run test and its result. */
  public static String fix(FixReport fix) {
    StringBuilder out = new StringBuilder("### Fix\n\n").append(fix.summary()).append("\n\n**Files changed**\n\n");
    fix.filesChanged().forEach(f -> out.append("- `").append(f.replace("`", "'")).append("`\n"));
    if (fix.filesChanged().isEmpty()) {
      out.append("- (none)\n");
    }
    if (fix.testRun() != null) {
      out.append("\n**Test:** `").append(fix.testRun().command().replace("`", "'")).append("` ")
          .append(fix.testRun().passed() ? "passed" : "FAILED (exit " + fix.testRun().exitCode() + ")")
          .append("\n\n```\n").append(fix.testRun().outputTail().replace("```", "'''")).append("\n```\n");
    }
    if (!fix.notes().isEmpty()) {
      out.append("\n**Notes.** ").append(fix.notes()).append('\n');
    }
    return out.append('\n').toString();
  }

  private static String shortHash(String hash) {
    return hash.length() > 12 ? hash.substring(0, 12) : hash;
  }
}
