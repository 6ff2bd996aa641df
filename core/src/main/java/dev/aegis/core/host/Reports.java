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
 * the job summary, and the outputs ({@code decision}, {@code run-id}, {@code pr-url}, {@code work}).
 */
final class Reports {
  private final List<Row> rows = new ArrayList<>();
  private final List<WorkItem> work = new ArrayList<>();
  private String runId = "";
  private String prUrl = "";
  private Outcome outcome = Outcome.OK;

  void add(Decision d) {
    rows.add(new Row(d.issue().display(), d.verdict().text(), d.detail(), d.line()));
    remember(d.runId(), "");
  }

  void add(FlowResult r) {
    rows.add(new Row(r.issue().display(), r.status().text(), r.detail(), r.line()));
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
    String message = rows.isEmpty() ? "nothing to do" : rows.get(rows.size() - 1).line;
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
    if (rows.isEmpty()) {
      return md.append("Nothing to do.\n").toString();
    }
    md.append("| Issue | Decision | Detail |\n|---|---|---|\n");
    rows.forEach(r -> md.append("| ").append(cell(r.issue)).append(" | ").append(cell(r.what)).append(" | ")
        .append(cell(r.detail)).append(" |\n"));
    return md.toString();
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

  private record Row(String issue, String what, String detail, String line) {}
}
