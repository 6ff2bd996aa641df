package dev.aegis.testkit.linear;

import graphql.schema.DataFetchingEnvironment;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

final class IssueNode extends FakeNode {
  final TeamNode team;
  final int number;
  final UserNode creator;
  final List<LabelNode> labels = new ArrayList<>();
  final List<CommentNode> comments = new ArrayList<>();
  final List<AttachmentNode> attachments = new ArrayList<>();
  String title;
  String description;
  StateNode state;
  boolean trashed;

  IssueNode(String id, Instant createdAt, TeamNode team, int number, UserNode creator, StateNode state) {
    super(id, createdAt);
    this.team = team;
    this.number = number;
    this.creator = creator;
    this.state = state;
  }

  String identifier() {
    return team.key + "-" + number;
  }

  @Override
  Object own(String field, DataFetchingEnvironment env) {
    return switch (field) {
      case "identifier" -> identifier();
      case "number" -> (double) number;
      case "title" -> title;
      case "description" -> description;
      case "url" -> "https://linear.app/" + OrganizationNode.URL_KEY + "/issue/" + identifier() + "/" + slug();
      case "branchName" -> identifier().toLowerCase(Locale.ROOT) + "-" + slug();
      case "trashed" -> trashed ? Boolean.TRUE : null;
      case "state" -> state;
      case "team" -> team;
      case "creator" -> creator;
      case "labelIds" -> labels.stream().map(l -> l.id).toList();
      case "labels" -> Connections.page(labels, env);
      case "comments" -> Connections.page(comments, env);
      case "attachments" -> Connections.page(attachments, env);
      default -> throw unserved(field);
    };
  }

  @Override
  Object ownFilterValue(String key) {
    return switch (key) {
      case "number" -> (double) number;
      case "title" -> title;
      case "team" -> team;
      case "state" -> state;
      case "labels" -> labels;
      case "creator" -> creator;
      default -> throw unserved("filter " + key);
    };
  }

  private String slug() {
    return title.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-").replaceAll("(^-|-$)", "");
  }
}
