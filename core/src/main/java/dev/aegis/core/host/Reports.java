package dev.aegis.core.host;

import dev.aegis.core.run.Decision;
import java.util.List;

/** Markdown for job summaries. */
final class Reports {
  private Reports() {}

  static String decisions(String title, List<Decision> decisions) {
    StringBuilder md = new StringBuilder("### ").append(title).append("\n\n");
    if (decisions.isEmpty()) {
      return md.append("No ready bugs found.\n").toString();
    }
    md.append("| Issue | Decision | Detail |\n|---|---|---|\n");
    for (Decision d : decisions) {
      md.append("| ").append(cell(d.issue().display())).append(" | ").append(cell(d.verdict().text()))
          .append(" | ").append(cell(d.detail())).append(" |\n");
    }
    return md.toString();
  }

  /** Makes text safe inside a Markdown table cell. */
  static String cell(String text) {
    return text.replace("\\", "\\\\").replace("|", "\\|").replace("\n", " ").replace("\r", " ");
  }
}
