package dev.aegis.core.tracker.linear;

import dev.aegis.core.tracker.IssueKey;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A verified Linear webhook delivery, reduced to what Aegis reacts to. Linear's payload is {@code {action, type,
 * actor, data, url, webhookId, webhookTimestamp, ...}}; {@code data} is the entity. For {@code type = "Issue"}
 * {@link #issue()} is set, for {@code type = "Comment"} {@link #comment()} is set; other types carry neither.
 * Everything in it is untrusted text from Linear users.
 *
 * @param type the entity type: {@code Issue}, {@code Comment}, {@code IssueLabel}...
 * @param action {@code create}, {@code update} or {@code remove}
 * @param sentAt when Linear sent it ({@code webhookTimestamp})
 * @param webhookId which webhook sent it, may be empty
 * @param actor who caused it, or null
 * @param issue the issue of an {@code Issue} event, or null
 * @param comment the comment of a {@code Comment} event, or null
 */
public record LinearWebhookEvent(
    String type, String action, Instant sentAt, String webhookId, Actor actor, IssueData issue,
    CommentData comment) {

  public LinearWebhookEvent {
    Objects.requireNonNull(type, "type");
    Objects.requireNonNull(action, "action");
    Objects.requireNonNull(sentAt, "sentAt");
    webhookId = Objects.requireNonNullElse(webhookId, "");
  }

  /** A person or integration; email may be null for integrations. */
  public record Actor(String id, String name, String email, String type) {}

  /** The team of an issue. */
  public record Team(String id, String key, String name) {}

  /** The issue of an {@code Issue} event; {@code labels} are label names. */
  public record IssueData(
      String id, String identifier, String title, String description, Team team, String stateId,
      String stateName, String stateType, List<String> labels, String url) {
    public IssueData {
      labels = List.copyOf(labels);
    }
  }

  /** The comment of a {@code Comment} event and the issue it is on (null when on a project or document). */
  public record CommentData(
      String id, String body, String issueId, String issueIdentifier, Team team, String userId, String userEmail,
      String userName) {}

  public boolean issueCreated() {
    return issue != null && "create".equals(action);
  }

  public boolean issueUpdated() {
    return issue != null && "update".equals(action);
  }

  public boolean commentCreated() {
    return comment != null && "create".equals(action);
  }

  /** The issue the event is about, as {@code linear:ENG-950}, when there is one. */
  public Optional<IssueKey> issueKey() {
    String identifier = issue != null ? issue.identifier() : comment != null ? comment.issueIdentifier() : null;
    return identifier == null || identifier.isEmpty()
        ? Optional.empty()
        : Optional.of(new IssueKey(LinearMapping.KIND, identifier));
  }
}
