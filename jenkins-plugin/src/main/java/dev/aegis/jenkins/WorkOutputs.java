package dev.aegis.jenkins;

import dev.aegis.core.host.HostCommand;
import dev.aegis.core.host.HostLog;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The contract by which a core scan ({@code pickup} on the controller) reports the work it found, in its
 * {@code HostResult} outputs: key {@value #OUTPUT}, one line per piece of work, tab-separated:
 *
 * <pre>{@code <key> TAB <command> TAB <issue> TAB <run-id or empty>}</pre>
 *
 * <p>for example {@code claim:42:r-7f3a\tplan\t42\tr-7f3a} for a freshly claimed ready bug, or
 * {@code comment:1234567\timplement\t42\tr-7f3a} for an approval ({@code /aegis proceed r-7f3a}) seen since
 * the last scan. The key identifies the work across scans.
 */
public final class WorkOutputs {
  /** The output key carrying the work lines. */
  public static final String OUTPUT = "work";

  private WorkOutputs() {}

  /** The work in {@code outputs}; malformed lines are reported to {@code log} and skipped. */
  public static List<WorkItem> parse(Map<String, String> outputs, HostLog log) {
    String text = outputs.get(OUTPUT);
    List<WorkItem> work = new ArrayList<>();
    if (text == null || text.isBlank()) {
      return work;
    }
    for (String line : text.split("\\R")) {
      if (line.isBlank()) {
        continue;
      }
      String[] fields = line.split("\t", -1);
      HostCommand command = fields.length >= 3 ? HostCommand.parse(fields[1]).orElse(null) : null;
      if (fields.length < 3 || fields.length > 4 || command == null
          || Text.blankToNull(fields[0]) == null || Text.blankToNull(fields[2]) == null) {
        log.warn("Ignoring a malformed work line from the core: " + line);
        continue;
      }
      work.add(new WorkItem(fields[0], command, fields[2], fields.length == 4 ? fields[3] : null));
    }
    return work;
  }

  /** The line for one work item (what the core writes). */
  public static String format(WorkItem item) {
    return String.join(
        "\t", item.key(), item.command().cliName(), item.issue(), item.runId() == null ? "" : item.runId());
  }
}
