package dev.aegis.testkit.linear;

import graphql.schema.DataFetchingEnvironment;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

final class TeamNode extends FakeNode {
  final String key;
  final String name;
  final List<StateNode> states = new ArrayList<>();
  final List<LabelNode> labels = new ArrayList<>();
  int issueCount;

  TeamNode(String id, Instant createdAt, String key, String name) {
    super(id, createdAt);
    this.key = key;
    this.name = name;
  }

  @Override
  Object own(String field, DataFetchingEnvironment env) {
    return switch (field) {
      case "key" -> key;
      case "name", "displayName" -> name;
      case "states" -> Connections.page(states, env);
      case "labels" -> Connections.page(labels, env);
      default -> throw unserved(field);
    };
  }

  @Override
  Object ownFilterValue(String filterKey) {
    return switch (filterKey) {
      case "key" -> key;
      case "name" -> name;
      default -> throw unserved("filter " + filterKey);
    };
  }
}
