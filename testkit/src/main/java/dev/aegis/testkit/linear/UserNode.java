package dev.aegis.testkit.linear;

import graphql.schema.DataFetchingEnvironment;
import java.time.Instant;

final class UserNode extends FakeNode {
  final String name;
  final String email;
  final boolean app;
  final String apiKey;
  final OrganizationNode organization;
  boolean active = true;

  UserNode(String id, Instant createdAt, String name, String email, boolean app, String apiKey,
      OrganizationNode organization) {
    super(id, createdAt);
    this.organization = organization;
    this.name = name;
    this.email = email;
    this.app = app;
    this.apiKey = apiKey;
  }

  @Override
  Object own(String field, DataFetchingEnvironment env) {
    return switch (field) {
      case "name" -> name;
      case "displayName" -> displayName();
      case "email" -> email;
      case "active" -> active;
      case "app" -> app;
      case "organization" -> organization;
      case "url" -> "https://linear.app/fake/profiles/" + displayName();
      default -> throw unserved(field);
    };
  }

  @Override
  Object ownFilterValue(String key) {
    return switch (key) {
      case "name" -> name;
      case "displayName" -> displayName();
      case "email" -> email;
      case "active" -> active;
      case "app" -> app;
      default -> throw unserved("filter " + key);
    };
  }

  String displayName() {
    return email.substring(0, email.indexOf('@'));
  }
}
