package dev.aegis.testkit.linear;

import graphql.schema.DataFetchingEnvironment;
import java.time.Instant;

/**
 * An entity of the fake Linear workspace. Each subclass answers its own GraphQL fields ({@link #field}) and the
 * values filters compare ({@link #filterValue}); a field the schema has but the fake does not serve fails loudly.
 */
abstract class FakeNode {
  final String id;
  final Instant createdAt;
  Instant updatedAt;
  Instant archivedAt;

  FakeNode(String id, Instant createdAt) {
    this.id = id;
    this.createdAt = createdAt;
    this.updatedAt = createdAt;
  }

  /** The value of GraphQL field {@code name}; connection fields read their arguments from {@code env}. */
  final Object field(String name, DataFetchingEnvironment env) {
    return switch (name) {
      case "id" -> id;
      case "createdAt" -> createdAt;
      case "updatedAt" -> updatedAt;
      case "archivedAt" -> archivedAt;
      default -> own(name, env);
    };
  }

  /** The value a filter compares for {@code key}: a scalar, a node, a list of nodes, or null. */
  final Object filterValue(String key) {
    return switch (key) {
      case "id" -> id;
      case "createdAt" -> createdAt;
      case "updatedAt" -> updatedAt;
      case "archivedAt" -> archivedAt;
      default -> ownFilterValue(key);
    };
  }

  abstract Object own(String name, DataFetchingEnvironment env);

  abstract Object ownFilterValue(String key);

  final IllegalStateException unserved(String what) {
    return new IllegalStateException(
        "FakeLinear does not implement " + getClass().getSimpleName() + "." + what + " yet");
  }
}
