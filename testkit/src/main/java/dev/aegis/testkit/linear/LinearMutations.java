package dev.aegis.testkit.linear;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** What Linear's mutations do to the fake workspace, with Linear's rules where Aegis depends on them. */
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
    CommentNode comment = new CommentNode(store.newId(), store.tick(), issue, viewer, (String) input.get("body"));
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
      comment.body = (String) input.get("body");
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
      issue.description = (String) input.get("description");
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

  /** Attachment URLs are unique per issue: creating one again updates it (Linear's documented behaviour). */
  AttachmentNode attach(String issueId, String url, String title, String subtitle, UserNode viewer) {
    IssueNode issue = store.issue(issueId);
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
