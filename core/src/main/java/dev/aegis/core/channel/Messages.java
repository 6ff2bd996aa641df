package dev.aegis.core.channel;

import dev.aegis.core.run.Templates;
import java.util.Locale;
import java.util.Map;

/**
 * The short, non-technical text of an event for people (Telegram, Slack, email), from the resource templates
 * {@code messages/<kind>.txt}. Long fields are cut, so a message stays a phone screen long.
 */
final class Messages {
  private static final int FIELD_MAX = 300;
  private static final int TITLE_MAX = 100;

  /** How a message invites the reader to answer. */
  enum Answer {
    /** The channel carries commands back (Telegram). */
    HERE,
    /** The channel only informs (Slack, email): answers go on the issue. */
    ON_THE_ISSUE
  }

  private Messages() {}

  static String text(RunEvent e, Answer answer) {
    String run = e.runId();
    String commands = (answer == Answer.HERE ? "Reply here or on the issue: " : "Answer on the issue: ")
        + "/aegis proceed " + run + " · /aegis stop " + run + " · /aegis ask " + run + " <question>";
    return Templates.render(Messages.class, "messages/" + e.kind().name().toLowerCase(Locale.ROOT) + ".txt",
        Map.ofEntries(Map.entry("issue", e.issue()), Map.entry("title", cut(quoted(e.title()), TITLE_MAX)),
            Map.entry("summary", cut(e.summary(), FIELD_MAX)), Map.entry("why", cut(e.why(), FIELD_MAX)),
            Map.entry("fix", cut(e.fix(), FIELD_MAX)), Map.entry("risk", e.risk()), Map.entry("run", run),
            Map.entry("commands", commands), Map.entry("issue_url", e.issueUrl()), Map.entry("link", e.link()),
            Map.entry("reason", cut(e.reason(), FIELD_MAX)),
            Map.entry("by", e.by().isEmpty() ? "someone" : e.by()))).strip();
  }

  /** A one-line subject (email). */
  static String subject(RunEvent e) {
    String what = switch (e.kind()) {
      case CLAIMED -> "investigating";
      case PLANNED -> "root cause found, approval wanted";
      case APPROVED -> "approved";
      case PR_OPENED -> "pull request opened";
      case BLOCKED -> "blocked";
      case STOPPED -> "stopped";
    };
    return cut("[Aegis] " + e.issue() + " " + what + " (run " + e.runId() + ")", 150);
  }

  private static String quoted(String title) {
    return title.isBlank() ? "" : "\"" + title.strip() + "\"";
  }

  private static String cut(String s, int max) {
    String flat = s.strip().replaceAll("\\s+", " ");
    return flat.length() <= max ? flat : flat.substring(0, max - 1) + "…";
  }
}
