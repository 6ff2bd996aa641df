package dev.aegis.testkit.linear;

import graphql.schema.DataFetchingEnvironment;
import java.time.Instant;

/** A label of one team, or of the whole workspace when {@link #team} is null. */
final class LabelNode extends FakeNode {
  final TeamNode team;
  final String name;

  LabelNode(String id, Instant createdAt, TeamNode team, String name) {
    super(id, createdAt);
    this.team = team;
    this.name = name;
  }

  @Override
  Object own(String field, DataFetchingEnvironment env) {
    return switch (field) {
      case "name" -> name;
      case "color" -> "#bec2c8";
      case "isGroup" -> false;
      case "team" -> team;
      default -> throw unserved(field);
    };
  }

  @Override
  Object ownFilterValue(String key) {
    return switch (key) {
      case "name" -> name;
      case "isGroup" -> false;
      case "team" -> team;
      default -> throw unserved("filter " + key);
    };
  }
}
