package dev.aegis.jenkins;

import dev.aegis.core.host.HostLog;
import dev.aegis.core.host.HostResult;
import dev.aegis.core.host.WorkItem;
import java.util.ArrayList;
import java.util.List;

/** Reads the agent work a dispatch-only core call ({@code scan}, {@code event}) returned in its outputs. */
final class CoreWork {
  private CoreWork() {}

  /**
   * The work in {@code result}'s {@value WorkItem#OUTPUT} output, read with the core's own {@link WorkItem}
   * format. A malformed line is reported and skipped; the others still count.
   */
  static List<WorkItem> of(HostResult result, HostLog log) {
    List<WorkItem> work = new ArrayList<>();
    String text = result.outputs().get(WorkItem.OUTPUT);
    if (text == null) {
      return work;
    }
    for (String line : text.split("\\R")) {
      try {
        work.addAll(WorkItem.parse(line));
      } catch (IllegalArgumentException e) {
        log.warn("Ignoring work the core reported in a form this plugin cannot read: " + e.getMessage());
      }
    }
    return work;
  }
}
