package dev.aegis.core.run;

import dev.aegis.core.readiness.Readiness;
import dev.aegis.core.tracker.Issue;
import dev.aegis.core.tracker.IssueComment;
import dev.aegis.core.tracker.Phase;
import dev.aegis.core.tracker.Tracker;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Asks a thin report's one question, once. A question is asked again only after a person replied (and the
 * report is still missing something) or when a different part is missing; an edit that changes nothing
 * adds no comment.
 */
final class Questions {
  private static final Pattern MARKER = Pattern.compile("<!-- aegis:question ([A-Z_]+) -->");

  private final Tracker tracker;
  private final RunLedger ledger;

  Questions(Tracker tracker) {
    this.tracker = tracker;
    this.ledger = new RunLedger(tracker);
  }

  void askOnce(Issue issue, List<IssueComment> comments, Readiness.NeedsInfo needs) {
    String lastAsked = null;
    boolean repliedSince = false;
    for (IssueComment c : comments) {
      if (ledger.byAegis(c)) {
        Matcher m = MARKER.matcher(c.body());
        if (m.find()) {
          lastAsked = m.group(1);
          repliedSince = false;
        }
      } else if (!c.author().bot()) {
        repliedSince = true;
      }
    }
    boolean ask = lastAsked == null || repliedSince || !lastAsked.equals(needs.missing().name());
    if (ask) {
      String body = Templates.render("question", Map.of("question", needs.question()))
          + "\n\n<!-- aegis:question " + needs.missing().name() + " -->";
      tracker.addComment(issue.key(), body);
    }
    if (tracker.phaseOf(issue) != Phase.NEEDS_INFO) {
      tracker.setPhase(issue.key(), Phase.NEEDS_INFO);
    }
  }
}
