package dev.aegis.core.run;

import dev.aegis.core.tracker.IssueComment;
import dev.aegis.core.tracker.IssueKey;
import dev.aegis.core.tracker.IssueRecord;
import dev.aegis.core.tracker.IssueRecords;
import dev.aegis.core.tracker.Tracker;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Run state in an issue record per run ({@code run-<run id>}), for trackers that drop HTML from comments (Linear).
 * The record holds the state and the id of the run's status comment, which carries only the text for people.
 *
 * <p>Order of writes, so that a crash anywhere converges to one status comment and one record per run, and nothing
 * public is written before the tracker has shown it keeps the state: a new run writes its record first (without a
 * comment), then the comment, then the record again naming the comment. A later write edits the comment's text (only
 * when it changed) and then the record, which is the commit point: a job that dies between the two leaves the old
 * state, and the flow redoes that step. A record that names no comment (a crash right after the first write) gets
 * its comment on the next write: the earliest status comment by Aegis that names the run and no record claims (one
 * posted just before a crash), else a new one.
 */
final class RecordedStatus implements StatusStore {
  static final String PREFIX = "run-";
  private static final String STATE = "state";
  private static final String COMMENT = "comment";
  private static final String RUN = "run";
  /** How every status template begins (see {@code run/templates}); replies and questions name no run like this. */
  private static final String STATUS_HEADING = "### 🛡️ Aegis";

  private final Tracker tracker;
  private final IssueRecords records;
  private final StateBlock blocks = new StateBlock();

  RecordedStatus(Tracker tracker, IssueRecords records) {
    this.tracker = tracker;
    this.records = records;
  }

  @Override
  public List<StatusComment> runs(IssueKey key, List<IssueComment> comments) {
    Map<String, IssueComment> mine = new HashMap<>();
    comments.stream().filter(c -> Authors.byAegis(tracker, c)).forEach(c -> mine.put(c.id(), c));
    List<StatusComment> out = new ArrayList<>();
    for (IssueRecord record : records.list(key)) {
      Optional<RunState> state = state(key, record);
      if (state.isPresent()) {
        IssueComment comment = mine.get(record.get(COMMENT));
        out.add(comment == null
            ? new StatusComment("", state.get(), "")
            : new StatusComment(comment.id(), state.get(), comment.body()));
      }
    }
    return out;
  }

  @Override
  public StatusComment post(IssueKey key, String text, RunState state) {
    records.put(key, record(state, ""));
    IssueComment comment = tracker.addComment(key, text);
    records.put(key, record(state, comment.id()));
    return new StatusComment(comment.id(), state, text);
  }

  @Override
  public StatusComment update(IssueKey key, StatusComment current, String text, RunState state) {
    String commentId = current.commentId();
    if (commentId.isEmpty()) {
      Optional<IssueComment> orphan = orphan(key, state.runId());
      if (orphan.isPresent()) {
        commentId = orphan.get().id();
        tracker.editComment(key, commentId, text);
      } else {
        commentId = tracker.addComment(key, text).id();
      }
    } else if (!text.equals(current.text())) {
      tracker.editComment(key, commentId, text);
    }
    records.put(key, record(state, commentId));
    return new StatusComment(commentId, state, text);
  }

  /** The state a run record carries, if it is one and agrees with its name and issue. */
  private Optional<RunState> state(IssueKey key, IssueRecord record) {
    if (!record.name().startsWith(PREFIX)) {
      return Optional.empty();
    }
    return blocks.parse(record.get(STATE))
        .filter(s -> record.name().equals(name(s.runId())) && s.runId().equals(record.get(RUN)))
        .filter(s -> s.issue().tracker().equals(key.tracker()) && s.issue().id().equalsIgnoreCase(key.id()));
  }

  /** A status comment by Aegis that names the run and that no run record claims: posted just before a crash. */
  private Optional<IssueComment> orphan(IssueKey key, String runId) {
    Set<String> claimed = new HashSet<>();
    records.list(key).forEach(r -> claimed.add(r.get(COMMENT)));
    return tracker.comments(key).stream()
        .filter(c -> Authors.byAegis(tracker, c) && !claimed.contains(c.id()))
        .filter(c -> c.body().startsWith(STATUS_HEADING) && c.body().contains(runId))
        .findFirst();
  }

  private IssueRecord record(RunState state, String commentId) {
    String stage = state.fact(RunState.STAGE).orElse(state.phase().name()).toLowerCase(Locale.ROOT)
        .replace('_', ' ').replace('-', ' ');
    return new IssueRecord(name(state.runId()), "Aegis run " + state.runId(), stage, Map.of(
        RUN, state.runId(), COMMENT, commentId, STATE, blocks.json(state)));
  }

  private static String name(String runId) {
    return PREFIX + runId.toLowerCase(Locale.ROOT);
  }
}
