package dev.aegis.core.host;

import dev.aegis.core.flow.FlowResult;
import dev.aegis.core.host.HostResult.Outcome;
import dev.aegis.core.run.Decision;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Collects what one host request decided and did, then reports it once: the lines in the log, a table in
 * the job summary, and the outputs ({@code decision}, {@code run-id}, {@code pr-url}, {@code work}). Inside
 * GitHub Actions the summary links what a maintainer opens first: the workflow run and its records artifact,
 * and for each run the issue, its status comment and its pull request, with what its agent runs spent.
 */
final class Reports {
  /**
   * Where a run's row links to, and what its agent runs spent.
   *
   * @param issue the issue's page, empty when unknown
   * @param status the status comment's link, empty when unknown
   * @param pullRequest the pull request, empty when none
   * @param spent steps, tokens, cost and agent time, empty when the agent has not run
   */
  record Links(String issue, String status, String pullRequest, String spent) {
    static final Links NONE = new Links("", "", "", "");
  }

  private final List<Row> rows = new ArrayList<>();
  private final java.util.function.Function<FlowResult, Links> links;
  private final java.util.Optional<dev.aegis.core.event.ActionsRun> actionsRun;
  private final List<WorkItem> work = new ArrayList<>();
  private String runId = "";
  private String prUrl = "";
  private Outcome outcome = Outcome.OK;

  /** A report without links (outside Actions, or where no tracker is at hand). */
  Reports() {
    this(r -> Links.NONE, java.util.Optional.empty());
  }

  /**
   * @param links looks up a flow result's links; must not throw
   * @param actionsRun the workflow run this job belongs to, when inside GitHub Actions
   */
  Reports(java.util.function.Function<FlowResult, Links> links, java.util.Optional<dev.aegis.core.event.ActionsRun> actionsRun) {
    this.links = links;
    this.actionsRun = actionsRun;
  }

  void add(Decision d) {
    rows.add(new Row(d.issue().display(), d.verdict().text(), d.detail(), d.line(), Links.NONE, false));
    remember(d.runId(), "");
  }

  void add(FlowResult r) {
    rows.add(new Row(r.issue().display(), r.status().text(), r.detail(), r.line(), links.apply(r),
        r.status() == FlowResult.Status.BLOCKED));
    remember(r.runId(), r.prUrl());
    if (r.status() == FlowResult.Status.BLOCKED) {
      outcome = Outcome.BLOCKED;
    }
  }

  void add(WorkItem item) {
    work.add(item);
  }

  List<WorkItem> work() {
    return work;
  }

  HostResult finish(String title, HostLog log, String emptyHint) {
    rows.forEach(r -> log.line(r.line));
    if (rows.isEmpty() && !emptyHint.isEmpty()) {
      log.line(emptyHint);
    }
    log.summary(table(title));
    Map<String, String> outputs = new LinkedHashMap<>();
    outputs.put("decision", String.join("\n", rows.stream().map(r -> r.line).toList()));
    if (!runId.isEmpty()) {
      outputs.put("run-id", runId);
    }
    if (!prUrl.isEmpty()) {
      outputs.put("pr-url", prUrl);
    }
    if (!work.isEmpty()) {
      outputs.put(WorkItem.OUTPUT, WorkItem.format(work));
    }
    // a blocked job is about its blocked runs: the message (what the host annotates) names those, not the last row
    List<String> blocked = rows.stream().filter(Row::blocked).map(Row::line).toList();
    String message = !blocked.isEmpty() ? String.join("\n", blocked)
        : rows.isEmpty() ? "nothing to do" : rows.get(rows.size() - 1).line;
    return new HostResult(outcome, message, outputs);
  }

  private void remember(String run, String pr) {
    if (!run.isEmpty()) {
      runId = run;
    }
    if (!pr.isEmpty()) {
      prUrl = pr;
    }
  }

  private String table(String title) {
    StringBuilder md = new StringBuilder("### ").append(title).append("\n\n");
    boolean agentRan = rows.stream().anyMatch(r -> !r.links.spent().isEmpty());
    actionsRun.ifPresent(run -> {
      md.append("[Workflow run ").append(run.runId()).append("](").append(run.url()).append(')');
      if (agentRan) {
        md.append(" · run records: artifact `").append(run.recordsArtifact()).append("` ([download](")
            .append(run.artifactsUrl()).append("))");
      }
      md.append("\n\n");
    });
    if (rows.isEmpty()) {
      return md.append("Nothing to do.\n").toString();
    }
    boolean linked = rows.stream().anyMatch(r -> !r.links.equals(Links.NONE));
    md.append(linked ? "| Issue | Decision | Detail | Links | Agent (steps · tokens · cost · time) |\n|---|---|---|---|---|\n"
        : "| Issue | Decision | Detail |\n|---|---|---|\n");
    rows.forEach(r -> {
      md.append("| ").append(link(cell(r.issue), r.links.issue())).append(" | ").append(cell(r.what)).append(" | ")
          .append(cell(r.detail));
      if (linked) {
        List<String> out = new ArrayList<>();
        if (!r.links.status().isEmpty()) {
          out.add(link("status comment", r.links.status()));
        }
        if (!r.links.pullRequest().isEmpty()) {
          out.add(link("pull request", r.links.pullRequest()));
        }
        md.append(" | ").append(String.join(" · ", out)).append(" | ").append(cell(r.links.spent()));
      }
      md.append(" |\n");
    });
    return md.toString();
  }

  private static String link(String text, String url) {
    return url.isEmpty() ? text : "[" + text + "](" + url.replace(")", "%29").replace(" ", "%20") + ")";
  }

  /** Reports that an event needs nothing from Aegis. */
  static HostResult ignored(HostLog log, String why) {
    log.line("Nothing to do: " + why + ".");
    log.summary("### Aegis\n\nNothing to do: " + cell(why) + ".\n");
    return new HostResult(Outcome.OK, "ignored: " + why, Map.of("decision", "ignored: " + why));
  }

  /** Makes text safe inside a Markdown table cell. */
  static String cell(String text) {
    return text.replace("\\", "\\\\").replace("|", "\\|").replace("<", "&lt;").replace("\n", " ").replace("\r", " ");
  }

  private record Row(String issue, String what, String detail, String line, Links links, boolean blocked) {}
}
