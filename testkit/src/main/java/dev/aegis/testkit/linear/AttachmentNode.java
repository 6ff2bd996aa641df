package dev.aegis.testkit.linear;

import graphql.schema.DataFetchingEnvironment;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

/** An attachment: unique per issue and URL; its creator is whoever created it first, whoever updated it since. */
final class AttachmentNode extends FakeNode {
  final IssueNode issue;
  final UserNode creator;
  final String url;
  String title;
  String subtitle;
  Map<String, Object> metadata = new LinkedHashMap<>();

  AttachmentNode(String id, Instant createdAt, IssueNode issue, UserNode creator, String url) {
    super(id, createdAt);
    this.issue = issue;
    this.creator = creator;
    this.url = url;
  }

  @Override
  Object own(String field, DataFetchingEnvironment env) {
    return switch (field) {
      case "url" -> url;
      case "title" -> title;
      case "subtitle" -> subtitle;
      case "metadata" -> metadata;
      case "creator" -> creator;
      case "issue" -> issue;
      default -> throw unserved(field);
    };
  }

  @Override
  Object ownFilterValue(String key) {
    throw unserved("filter " + key);
  }
}
