package dev.aegis.core.host;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Agent work a dispatching host (the Jenkins controller) must hand to a worker: run {@code plan} or
 * {@code implement} for an issue's run. Reported in the {@code work} output, one line per item,
 * tab-separated: {@code key, command, issue, run id}. The key names the piece of work across scans, so a
 * host can start each exactly once.
 *
 * @param key stable identity of this piece of work
 * @param command {@link HostCommand#PLAN} or {@link HostCommand#IMPLEMENT}
 * @param issue the issue id ({@code 123}, {@code ENG-950})
 * @param runId the run id
 */
public record WorkItem(String key, HostCommand command, String issue, String runId) {
  /** The output that carries work lines. */
  public static final String OUTPUT = "work";

  public WorkItem {
    Objects.requireNonNull(key, "key");
    Objects.requireNonNull(command, "command");
    Objects.requireNonNull(issue, "issue");
    runId = Objects.requireNonNullElse(runId, "");
    if ((key + issue + runId).contains("\t") || (key + issue + runId).contains("\n")) {
      throw new IllegalArgumentException("work fields cannot hold tabs or newlines");
    }
  }

  /** This item as one output line. */
  public String line() {
    return String.join("\t", key, command.cliName(), issue, runId);
  }

  /** Items as the {@code work} output's value. */
  public static String format(List<WorkItem> items) {
    return String.join("\n", items.stream().map(WorkItem::line).toList());
  }

  /**
   * Reads a {@code work} output value.
   *
   * @throws IllegalArgumentException naming the first malformed line
   */
  public static List<WorkItem> parse(String text) {
    List<WorkItem> out = new ArrayList<>();
    if (text == null || text.isBlank()) {
      return out;
    }
    for (String line : text.split("\\R")) {
      if (line.isBlank()) {
        continue;
      }
      String[] f = line.split("\t", -1);
      HostCommand command = f.length >= 3 ? HostCommand.parse(f[1]).orElse(null) : null;
      if (f.length < 3 || f.length > 4 || command == null || f[0].isBlank() || f[2].isBlank()) {
        throw new IllegalArgumentException("malformed work line: " + line);
      }
      out.add(new WorkItem(f[0], command, f[2], f.length == 4 ? f[3] : ""));
    }
    return out;
  }
}
