package dev.aegis.core.run;

import dev.aegis.core.tracker.IssueComment;
import dev.aegis.core.tracker.IssueKey;
import dev.aegis.core.tracker.Tracker;
import java.util.ArrayList;
import java.util.List;

/** Run state as a hidden block in the status comment itself (GitHub keeps comment bodies verbatim). */
final class BlockStatus implements StatusStore {
  private final Tracker tracker;
  private final StateBlock blocks = new StateBlock();

  BlockStatus(Tracker tracker) {
    this.tracker = tracker;
  }

  @Override
  public List<StatusComment> runs(IssueKey key, List<IssueComment> comments) {
    List<StatusComment> out = new ArrayList<>();
    for (IssueComment c : comments) {
      if (Authors.byAegis(tracker, c)) {
        blocks.read(c.body()).ifPresent(state -> out.add(new StatusComment(c.id(), state, blocks.textOf(c.body()))));
      }
    }
    return out;
  }

  @Override
  public StatusComment post(IssueKey key, String text, RunState state) {
    IssueComment c = tracker.addComment(key, text + "\n\n" + blocks.write(state));
    return new StatusComment(c.id(), state, text);
  }

  @Override
  public StatusComment update(IssueKey key, StatusComment current, String text, RunState state) {
    tracker.editComment(key, current.commentId(), text + "\n\n" + blocks.write(state));
    return new StatusComment(current.commentId(), state, text);
  }
}
