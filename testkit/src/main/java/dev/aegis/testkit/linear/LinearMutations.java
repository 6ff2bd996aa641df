package dev.aegis.testkit.linear;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What Linear's mutations do to the fake workspace, with Linear's rules where Aegis depends on them: bodies are
 * stored as Linear stores them ({@link ProseMirror}: HTML is lost), attachments are unique per issue and URL.
 */
final class LinearMutations {
  private final LinearStore store;

  LinearMutations(LinearStore store) {
    this.store = store;
  }

  CommentNode createComment(Map<String, Object> input, UserNode viewer) {
    String issueId = (String) input.get("issueId");
    if (issueId == null) {
      throw LinearApiError.invalidInput("FakeLinear only supports comments on issues (issueId is required)");
    }
    IssueNode issue = store.issue(issueId);
    CommentNode comment =
        new CommentNode(store.newId(), store.tick(), issue, viewer, ProseMirror.stored((String) input.get("body")));
    issue.comments.add(comment);
    return comment;
  }

  /** Linear lets people edit only their own comments. */
  CommentNode updateComment(String id, Map<String, Object> input, UserNode viewer) {
    CommentNode comment = store.comment(id);
    if (comment.user != viewer) {
      throw LinearApiError.forbidden("You can only edit your own comments");
    }
    if (input.get("body") != null) {
      comment.body = ProseMirror.stored((String) input.get("body"));
      comment.editedAt = store.tick();
      comment.updatedAt = comment.editedAt;
    }
    return comment;
  }

  IssueNode updateIssue(String id, Map<String, Object> input) {
    IssueNode issue = store.issue(id);
    if (input.get("stateId") != null) {
      StateNode state = store.state((String) input.get("stateId"));
      if (state.team != issue.team) {
        throw LinearApiError.invalidInput("Workflow state does not belong to the issue's team");
      }
      issue.state = state;
    }
    if (input.get("labelIds") != null) {
      issue.labels.clear();
      issue.labels.addAll(labels(input.get("labelIds"), issue));
    }
    for (LabelNode label : labels(input.get("addedLabelIds"), issue)) {
      if (!issue.labels.contains(label)) {
        issue.labels.add(label);
      }
    }
    issue.labels.removeAll(labels(input.get("removedLabelIds"), issue));
    if (input.get("title") != null) {
      issue.title = (String) input.get("title");
    }
    if (input.get("description") != null) {
      issue.description = ProseMirror.stored((String) input.get("description"));
    }
    issue.updatedAt = store.tick();
    return issue;
  }

  /** The same person reacting twice with the same emoji leaves one reaction, as on Linear. */
  ReactionNode createReaction(Map<String, Object> input, UserNode viewer) {
    if (input.get("commentId") == null) {
      throw LinearApiError.invalidInput("FakeLinear only supports reactions on comments (commentId)");
    }
    CommentNode comment = store.comment((String) input.get("commentId"));
    String emoji = (String) input.get("emoji");
    for (ReactionNode existing : comment.reactions) {
      if (existing.user == viewer && existing.emoji.equals(emoji)) {
        return existing;
      }
    }
    ReactionNode reaction = new ReactionNode(store.newId(), store.tick(), comment, viewer, emoji);
    comment.reactions.add(reaction);
    return reaction;
  }

  /**
   * Attachment URLs are unique per issue: creating one again updates it (Linear's documented behaviour, whoever
   * does it), and its creator stays who created it first. Metadata is key-value with string or number values (as
   * Linear's attachment guide says) and is kept verbatim, unless the fake was told to drop it.
   */
  AttachmentNode attach(
      String issueId, String url, String title, String subtitle, Map<String, Object> metadata, UserNode viewer) {
    IssueNode issue = store.issue(issueId);
    if (metadata != null) {
      for (Map.Entry<String, Object> entry : metadata.entrySet()) {
        if (!(entry.getValue() instanceof String) && !(entry.getValue() instanceof Number)) {
          throw LinearApiError.invalidInput("Attachment metadata values must be strings or numbers: " + entry.getKey());
        }
      }
    }
    AttachmentNode attachment = issue.attachments.stream()
        .filter(a -> a.url.equals(url))
        .findFirst()
        .orElseGet(() -> {
          AttachmentNode created = new AttachmentNode(store.newId(), store.tick(), issue, viewer, url);
          issue.attachments.add(created);
          return created;
        });
    attachment.title = title == null ? url : title;
    attachment.subtitle = subtitle;
    if (metadata != null) {
      attachment.metadata = store.keepsAttachmentMetadata ? new LinkedHashMap<>(metadata) : new LinkedHashMap<>();
    }
    attachment.updatedAt = store.tick();
    return attachment;
  }

  private List<LabelNode> labels(Object ids, IssueNode issue) {
    List<LabelNode> labels = new ArrayList<>();
    if (ids == null) {
      return labels;
    }
    for (Object id : (List<?>) ids) {
      LabelNode label = store.label((String) id);
      if (label.team != null && label.team != issue.team) {
        throw LinearApiError.invalidInput("Label " + label.name + " belongs to another team");
      }
      labels.add(label);
    }
    return labels;
  }
}
