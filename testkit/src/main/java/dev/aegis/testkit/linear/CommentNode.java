package dev.aegis.testkit.linear;

import graphql.schema.DataFetchingEnvironment;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

final class CommentNode extends FakeNode {
  final IssueNode issue;
  final UserNode user;
  final List<ReactionNode> reactions = new ArrayList<>();
  String body;
  Instant editedAt;

  CommentNode(String id, Instant createdAt, IssueNode issue, UserNode user, String body) {
    super(id, createdAt);
    this.issue = issue;
    this.user = user;
    this.body = body;
  }

  @Override
  Object own(String field, DataFetchingEnvironment env) {
    return switch (field) {
      case "body" -> body;
      case "url" -> "https://linear.app/fake/issue/" + issue.identifier() + "#comment-" + id.substring(0, 8);
      case "editedAt" -> editedAt;
      case "user" -> user;
      case "botActor" -> null;
      case "issue" -> issue;
      case "issueId" -> issue.id;
      case "parentId" -> null;
      default -> throw unserved(field);
    };
  }

  @Override
  Object ownFilterValue(String key) {
    return switch (key) {
      case "body" -> body;
      case "issue" -> issue;
      case "user" -> user;
      default -> throw unserved("filter " + key);
    };
  }
}
