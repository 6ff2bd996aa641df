package dev.aegis.core.ops;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/** Renders {@code aegis runs}: a header, one aligned line per issue, and what to do about stale runs. */
final class RunTable {
  private static final int TITLE = 50;

  private RunTable() {}

  static List<String> render(List<RunRow> rows, Instant now, boolean all, Duration staleAfter) {
    List<String> lines = new ArrayList<>();
    if (rows.isEmpty()) {
      lines.add(all ? "No issue carries an aegis:* label: Aegis holds no runs."
          : "No runs in progress or awaiting approval. `aegis runs --all` also lists blocked, needs-info and "
              + "pr-opened issues.");
      return lines;
    }
    List<String[]> cells = new ArrayList<>();
    cells.add(new String[] {"ISSUE", "PHASE", "RUN", "UPDATED", "COST", "PR", "TITLE"});
    for (RunRow r : rows) {
      cells.add(new String[] {
          r.issue().display(),
          r.phaseText(),
          r.runId().orElse("-"),
          Texts.age(Duration.between(r.updatedAt(), now)) + (r.stale() ? " (stale)" : ""),
          r.cost().orElse("-"),
          r.prUrl().orElse("-"),
          r.title().length() > TITLE ? r.title().substring(0, TITLE - 1) + "…" : r.title()});
    }
    int[] widths = new int[cells.get(0).length];
    for (String[] row : cells) {
      for (int i = 0; i < row.length; i++) {
        widths[i] = Math.max(widths[i], row[i].length());
      }
    }
    for (String[] row : cells) {
      StringBuilder line = new StringBuilder();
      for (int i = 0; i < row.length; i++) {
        line.append(i == row.length - 1 ? row[i] : String.format("%-" + widths[i] + "s  ", row[i]));
      }
      lines.add(line.toString().stripTrailing());
    }
    long stale = rows.stream().filter(RunRow::stale).count();
    if (stale > 0) {
      lines.add("");
      lines.add(stale + " run(s) in progress had no update for " + staleAfter.toMinutes() + "+ minutes: their job "
          + "most likely died. `aegis recover` marks them blocked (`aegis recover --dry-run` to see first).");
    }
    return lines;
  }
}
