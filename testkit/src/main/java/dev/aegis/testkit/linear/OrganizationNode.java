package dev.aegis.testkit.linear;

import graphql.schema.DataFetchingEnvironment;
import java.time.Instant;

/** The fake's one workspace; its URL key is the {@code fake} in {@code https://linear.app/fake/issue/ENG-1}. */
final class OrganizationNode extends FakeNode {
  static final String URL_KEY = "fake";

  OrganizationNode(String id, Instant createdAt) {
    super(id, createdAt);
  }

  @Override
  Object own(String field, DataFetchingEnvironment env) {
    return switch (field) {
      case "urlKey" -> URL_KEY;
      case "name" -> "Fake workspace";
      default -> throw unserved(field);
    };
  }

  @Override
  Object ownFilterValue(String key) {
    throw unserved("filter " + key);
  }
}
