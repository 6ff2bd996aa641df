package dev.aegis.core.run;

import dev.aegis.core.tracker.IssueComment;
import dev.aegis.core.tracker.IssueKey;
import dev.aegis.core.tracker.Tracker;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Reads and writes run state where it lives: with each run's status comment. On trackers whose comment bodies keep
 * a hidden block (GitHub), the state is that block in the status comment; on trackers that drop HTML from comments
 * (Linear, see {@link Tracker#records()}), it is an issue record naming the status comment, and the comment carries
 * the text for people only. Either way only what Aegis's own identity wrote is trusted; anyone can paste a
 * look-alike block into a comment.
 */
public final class RunLedger {
  private final Tracker tracker;
  private final StatusStore store;

  public RunLedger(Tracker tracker) {
    this.tracker = Objects.requireNonNull(tracker, "tracker");
    this.store = tracker.records().<StatusStore>map(records -> new RecordedStatus(tracker, records))
        .orElseGet(() -> new BlockStatus(tracker));
  }

  /**
   * The runs of an issue, oldest first, from a list of its comments already fetched (Linear: plus one read of the
   * issue's records).
   */
  public List<StatusComment> runs(IssueKey key, List<IssueComment> comments) {
    return store.runs(key, comments);
  }

  /** The runs of an issue, oldest first. */
  public List<StatusComment> runs(IssueKey key) {
    return runs(key, tracker.comments(key));
  }

  /** The most recent run on an issue. */
  public Optional<StatusComment> latest(IssueKey key, List<IssueComment> comments) {
    return latestOf(runs(key, comments));
  }

  /** The run with this id on an issue. */
  public Optional<StatusComment> find(IssueKey key, List<IssueComment> comments, String runId) {
    return findIn(runs(key, comments), runId);
  }

  /** The most recent of runs already read. */
  public static Optional<StatusComment> latestOf(List<StatusComment> runs) {
    return runs.isEmpty() ? Optional.empty() : Optional.of(runs.get(runs.size() - 1));
  }

  /** The run with this id among runs already read. */
  public static Optional<StatusComment> findIn(List<StatusComment> runs, String runId) {
    return runs.stream().filter(s -> s.state().runId().equals(runId)).reduce((a, b) -> b);
  }

  /** True when Aegis wrote this comment. */
  public boolean byAegis(IssueComment comment) {
    return Authors.byAegis(tracker, comment);
  }

  /**
   * Posts a new status comment: {@code text} for people, and the state.
   *
   * @throws dev.aegis.core.tracker.TrackerException when the tracker fails or does not keep the state as written
   */
  public StatusComment post(IssueKey key, String text, RunState state) {
    return store.post(key, text, state);
  }

  /** Rewrites a run's status comment with new text and state. */
  public StatusComment update(IssueKey key, StatusComment current, String text, RunState state) {
    return store.update(key, current, text, state);
  }
}
