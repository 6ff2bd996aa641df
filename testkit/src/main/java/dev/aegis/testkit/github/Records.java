package dev.aegis.testkit.github;

import java.time.Instant;
import java.util.List;
import java.util.Locale;

/** The fake's stored state, one immutable record per GitHub object; a change replaces the record. */
final class Records {
  private Records() {}

  /** A user or bot account. Bots are GitHub Apps: {@code type: Bot}, login ending in {@code [bot]}. */
  record Account(long id, String login, boolean bot) {}

  /** An issue or, when {@code pull} is set, a pull request (they share numbers and the issues API). */
  record IssueRec(long id, int number, String title, String body, String state, List<String> labels,
      String author, Instant createdAt, Instant updatedAt, Instant closedAt, PullRec pull) {
    IssueRec {
      labels = List.copyOf(labels);
    }

    boolean isPull() {
      return pull != null;
    }

    boolean hasLabel(String name) {
      return labels.stream().anyMatch(l -> l.equalsIgnoreCase(name));
    }

    IssueRec withLabels(List<String> newLabels, Instant now) {
      return new IssueRec(id, number, title, body, state, newLabels, author, createdAt, now, closedAt, pull);
    }

    IssueRec edited(String newTitle, String newBody, String newState, Instant now) {
      Instant closed = "closed".equals(newState) ? (closedAt == null ? now : closedAt) : null;
      return new IssueRec(id, number, newTitle, newBody, newState, labels, author, createdAt, now, closed, pull);
    }

    IssueRec touched(Instant now) {
      return new IssueRec(id, number, title, body, state, labels, author, createdAt, now, closedAt, pull);
    }
  }

  /** The pull-request half of an {@link IssueRec}: branches and the shas they pointed at when it opened. */
  record PullRec(long id, String head, String base, String headSha, String baseSha, boolean draft) {}

  record CommentRec(long id, int issue, String author, String body, Instant createdAt, Instant updatedAt) {
    CommentRec edited(String newBody, Instant now) {
      return new CommentRec(id, issue, author, newBody, createdAt, now);
    }
  }

  record LabelRec(long id, String name, String color, String description, boolean isDefault) {
    String key() {
      return name.toLowerCase(Locale.ROOT);
    }
  }

  record ReactionRec(long id, long comment, String login, String content, Instant createdAt) {}

  record VariableRec(String name, String value, Instant createdAt, Instant updatedAt) {}
}
