package dev.aegis.testkit.github;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.MissingNode;
import dev.aegis.testkit.github.Records.Account;
import java.io.IOException;
import java.util.List;
import java.util.Map;

/**
 * One authenticated request as a route sees it: path parameters, query, JSON body, the caller, the repository
 * the path names (null for routes outside {@code /repos}) and the shapes to answer with.
 */
record Call(
    String method,
    String path,
    String rawQuery,
    Map<String, String> params,
    Map<String, List<String>> query,
    byte[] body,
    Account caller,
    RepoState repo,
    Shapes shapes) {

  String param(String name) {
    return params.get(name);
  }

  int intParam(String name) {
    try {
      return Integer.parseInt(params.get(name));
    } catch (NumberFormatException e) {
      throw ApiError.notFound();
    }
  }

  long longParam(String name) {
    try {
      return Long.parseLong(params.get(name));
    } catch (NumberFormatException e) {
      throw ApiError.notFound();
    }
  }

  /** The first value of a query parameter, or {@code fallback}. */
  String query(String name, String fallback) {
    List<String> values = query.get(name);
    return values == null || values.isEmpty() ? fallback : values.get(0);
  }

  /** The request body as JSON; a missing body reads as an empty object's missing fields. */
  JsonNode json() {
    if (body.length == 0) {
      return MissingNode.getInstance();
    }
    try {
      return Shapes.JSON.readTree(body);
    } catch (IOException e) {
      throw ApiError.status(400, "Problems parsing JSON");
    }
  }

  /** A required string field of the body, or 422 naming it. */
  String requiredText(String field) {
    JsonNode value = json().path(field);
    if (!value.isTextual()) {
      throw ApiError.invalid(field, "missing_field");
    }
    return value.asText();
  }

  /** Fails with GitHub's 403 unless the caller holds at least {@code role} on the repository. */
  void require(Role role) {
    if (!repo.effectiveRole(caller.login()).atLeast(role)) {
      throw ApiError.status(403, caller.bot()
          ? "Resource not accessible by integration"
          : "Resource not accessible by personal access token");
    }
  }

  boolean callerIs(String login) {
    return caller.login().equalsIgnoreCase(login);
  }
}
