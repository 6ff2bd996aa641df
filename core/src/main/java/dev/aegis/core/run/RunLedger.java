package dev.aegis.core.run;

import dev.aegis.core.tracker.IssueComment;
import dev.aegis.core.tracker.IssueKey;
import dev.aegis.core.tracker.Tracker;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Reads and writes run state where it lives: the status comments Aegis posts on an issue. Only comments
 * written by Aegis's own identity are trusted; anyone can paste a look-alike block into a comment.
 */
public final class RunLedger {
  private final Tracker tracker;
  private final StateBlock blocks = new StateBlock();

  public RunLedger(Tracker tracker) {
    this.tracker = Objects.requireNonNull(tracker, "tracker");
  }

  /** Status comments of an issue, oldest first, from a list of its comments already fetched. */
  public List<StatusComment> runs(List<IssueComment> comments) {
    List<StatusComment> out = new ArrayList<>();
    for (IssueComment c : comments) {
      if (byAegis(c)) {
        blocks.read(c.body()).ifPresent(state -> out.add(new StatusComment(c.id(), state, blocks.textOf(c.body()))));
      }
    }
    return out;
  }

  /** Status comments of an issue, oldest first. */
  public List<StatusComment> runs(IssueKey key) {
    return runs(tracker.comments(key));
  }

  /** The most recent run on an issue. */
  public Optional<StatusComment> latest(List<IssueComment> comments) {
    List<StatusComment> all = runs(comments);
    return all.isEmpty() ? Optional.empty() : Optional.of(all.get(all.size() - 1));
  }

  /** The run with this id on an issue. */
  public Optional<StatusComment> find(List<IssueComment> comments, String runId) {
    return runs(comments).stream().filter(s -> s.state().runId().equals(runId)).reduce((a, b) -> b);
  }

  /** True when Aegis wrote this comment. */
  public boolean byAegis(IssueComment comment) {
    return comment.author().login().equalsIgnoreCase(tracker.self().login());
  }

  /** Posts a new status comment: {@code text} for people, then the hidden block. */
  public StatusComment post(IssueKey key, String text, RunState state) {
    IssueComment c = tracker.addComment(key, text + "\n\n" + blocks.write(state));
    return new StatusComment(c.id(), state, text);
  }

  /** Rewrites a run's status comment with new text and state. */
  public StatusComment update(IssueKey key, StatusComment current, String text, RunState state) {
    tracker.editComment(key, current.commentId(), text + "\n\n" + blocks.write(state));
    return new StatusComment(current.commentId(), state, text);
  }
}
