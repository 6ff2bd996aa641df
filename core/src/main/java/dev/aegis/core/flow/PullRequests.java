package dev.aegis.core.flow;

import dev.aegis.core.agent.FixReport;
import dev.aegis.core.agent.PlanReport;
import dev.aegis.core.repo.PullRequestDraft;
import dev.aegis.core.run.Claimer;
import dev.aegis.core.run.RunState;
import dev.aegis.core.run.Templates;
import dev.aegis.core.tracker.Issue;
import java.util.List;
import java.util.Map;

/** Writes the fix commit's message and the pull request: what Aegis says about its own change. */
final class PullRequests {
  /** The label Aegis puts on its pull requests. */
  static final String LABEL = "aegis";
  private static final int TITLE_MAX = 72;

  private PullRequests() {}

  /** How the issue is referenced so that merging closes it: {@code #12} on GitHub, the id on Linear. */
  static String issueRef(Issue issue) {
    return "github".equals(issue.key().tracker()) ? "#" + issue.key().id() : issue.key().id() + " (" + issue.url() + ")";
  }

  static String title(Issue issue) {
    String t = "fix: " + SafeMarkdown.code(issue.title()).strip();
    return t.length() <= TITLE_MAX ? t : t.substring(0, TITLE_MAX - 1) + "…";
  }

  static String commitMessage(Issue issue, RunState state, FixReport fix) {
    return title(issue) + "\n\n" + SafeMarkdown.of(fix.summary()).strip() + "\n\n"
        + "Fixes " + issueRef(issue) + "\n\n"
        + "Aegis-Issue: " + issue.key().display() + "\n" + Claimer.TRAILER + state.runId() + "\n";
  }

  /**
   * The exact files of the commit, and what commands did that is not in it: new files left behind, tracked files
   * changed besides the fix (restored before the tests), and files the agent named that {@code .gitignore} ignores.
   */
  static String files(RunState state) {
    List<String> files = lines(state.fact(Implementer.FILES).orElse(""));
    StringBuilder out = new StringBuilder("### Files\n\n");
    files.forEach(f -> out.append("- `").append(SafeMarkdown.code(f)).append("`\n"));
    notCommitted(out, state, Implementer.LEFT_OUT, "Not committed (created by commands, not part of the fix): ");
    notCommitted(out, state, Implementer.RESTORED,
        "Not committed (changed by commands, not part of the fix; restored before the tests ran): ");
    notCommitted(out, state, Implementer.IGNORED, "Not committed (ignored by .gitignore): ");
    return files.isEmpty() ? "" : out.toString().strip();
  }

  private static void notCommitted(StringBuilder out, RunState state, String fact, String label) {
    List<String> paths = lines(state.fact(fact).orElse(""));
    if (!paths.isEmpty()) {
      out.append('\n').append(label)
          .append(String.join(", ", paths.stream().map(f -> "`" + SafeMarkdown.code(f) + "`").toList())).append('\n');
    }
  }

  private static List<String> lines(String text) {
    return text.isBlank() ? List.of() : List.of(text.split("\n"));
  }

  static PullRequestDraft draft(Issue issue, RunState state, PlanReport plan, String summary,
      ProjectTests.Result tests, String cost, String audit) {
    String body = Templates.render("pull-request", Map.ofEntries(
        Map.entry("issue_ref", issueRef(issue)),
        Map.entry("summary", SafeMarkdown.of(summary).strip()),
        Map.entry("rca", plan == null ? "" : "### Root-cause analysis\n\n" + StatusTexts.planBody(plan)),
        Map.entry("test_command", tests.command().replace("`", "'")),
        Map.entry("test_tail", tests.tail().replace("```", "'''")),
        Map.entry("files", files(state)),
        Map.entry("run", state.runId()), Map.entry("approver", StatusTexts.approvedBy(state)),
        Map.entry("cost", cost), Map.entry("audit", audit),
        Map.entry("isolation", state.fact(Planner.ISOLATION).orElse("unknown"))));
    return new PullRequestDraft(title(issue), body, state.branch(), state.base(), List.of(LABEL));
  }
}
