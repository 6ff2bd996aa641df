package dev.aegis.testkit.linear;

import graphql.schema.DataFetchingEnvironment;
import java.time.Instant;

final class StateNode extends FakeNode {
  final TeamNode team;
  final String name;
  final String type;
  final double position;

  StateNode(String id, Instant createdAt, TeamNode team, String name, String type, double position) {
    super(id, createdAt);
    this.team = team;
    this.name = name;
    this.type = type;
    this.position = position;
  }

  @Override
  Object own(String field, DataFetchingEnvironment env) {
    return switch (field) {
      case "name" -> name;
      case "type" -> type;
      case "position" -> position;
      case "color" -> "#95a2b3";
      case "team" -> team;
      default -> throw unserved(field);
    };
  }

  @Override
  Object ownFilterValue(String key) {
    return switch (key) {
      case "name" -> name;
      case "type" -> type;
      case "team" -> team;
      default -> throw unserved("filter " + key);
    };
  }
}
