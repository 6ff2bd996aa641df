package dev.aegis.core.run;

import dev.aegis.core.tracker.IssueComment;
import dev.aegis.core.tracker.Tracker;

/** Who wrote a comment, as far as trusting it goes. */
final class Authors {
  private Authors() {}

  /** True when Aegis's own identity wrote the comment: only then may its hidden parts be trusted. */
  static boolean byAegis(Tracker tracker, IssueComment comment) {
    return comment.author().login().equalsIgnoreCase(tracker.self().login());
  }
}
