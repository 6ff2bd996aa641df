package dev.aegis.core.run;

import dev.aegis.core.readiness.Readiness;
import dev.aegis.core.tracker.Issue;
import dev.aegis.core.tracker.IssueComment;
import dev.aegis.core.tracker.Phase;
import dev.aegis.core.tracker.Tracker;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Asks a thin report's one question, once. A question is asked again only after a person replied (and the
 * report is still missing something) or when a different part is missing; an edit that changes nothing
 * adds no comment. Which question was asked last is a {@link Marks mark} on the question's comment.
 */
final class Questions {
  private static final String QUESTION = "question";

  private final Tracker tracker;
  private final Marks marks;

  Questions(Tracker tracker) {
    this.tracker = tracker;
    this.marks = new Marks(tracker);
  }

  void askOnce(Issue issue, List<IssueComment> comments, Readiness.NeedsInfo needs) {
    Optional<Marks.Placed> last = marks.read(issue.key(), comments).latest(QUESTION);
    boolean repliedSince = last.isPresent() && comments.subList(comments.indexOf(last.get().comment()) + 1,
        comments.size()).stream().anyMatch(c -> !c.author().bot() && !Authors.byAegis(tracker, c));
    boolean ask = last.isEmpty() || repliedSince || !last.get().subject().equals(needs.missing().name());
    if (ask) {
      marks.post(issue.key(), Templates.render("question", Map.of("question", needs.question())),
          List.of(new Marks.Mark(QUESTION, needs.missing().name())));
    }
    if (tracker.phaseOf(issue) != Phase.NEEDS_INFO) {
      tracker.setPhase(issue.key(), Phase.NEEDS_INFO);
    }
  }
}
