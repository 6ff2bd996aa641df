package dev.aegis.core.run;

import dev.aegis.core.tracker.IssueComment;
import dev.aegis.core.tracker.IssueKey;
import java.util.List;

/** Where a tracker keeps the state of its runs: see {@link RunLedger}. */
interface StatusStore {
  List<StatusComment> runs(IssueKey key, List<IssueComment> comments);

  StatusComment post(IssueKey key, String text, RunState state);

  StatusComment update(IssueKey key, StatusComment current, String text, RunState state);
}
