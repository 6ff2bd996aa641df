package dev.aegis.testkit.linear;

import graphql.schema.DataFetchingEnvironment;
import java.time.Instant;

final class ReactionNode extends FakeNode {
  final CommentNode comment;
  final UserNode user;
  final String emoji;

  ReactionNode(String id, Instant createdAt, CommentNode comment, UserNode user, String emoji) {
    super(id, createdAt);
    this.comment = comment;
    this.user = user;
    this.emoji = emoji;
  }

  @Override
  Object own(String field, DataFetchingEnvironment env) {
    return switch (field) {
      case "emoji" -> emoji;
      case "user" -> user;
      case "comment" -> comment;
      default -> throw unserved(field);
    };
  }

  @Override
  Object ownFilterValue(String key) {
    throw unserved("filter " + key);
  }
}
