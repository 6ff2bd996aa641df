package dev.aegis.core.tracker.linear;

import com.fasterxml.jackson.databind.JsonNode;
import dev.aegis.core.tracker.Author;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Who is who on Linear, looked up once per tracker instance: the API key's own user ({@code viewer}) and the
 * approvers, whose emails and ids are both learned so a person listed by email matches a comment author known by
 * id and the other way round.
 */
final class LinearPeople {
  private final LinearSettings settings;
  private final LinearGraphQl graphQl;
  private final Pages pages;
  private Author self;
  private String selfId;
  private String workspaceKey;
  private Set<String> approvers;

  LinearPeople(LinearSettings settings, LinearGraphQl graphQl, Pages pages) {
    this.settings = settings;
    this.graphQl = graphQl;
    this.pages = pages;
  }

  /** The API key's user; checked against {@link LinearSettings#identity()} when that is set. */
  synchronized Author self() {
    if (self == null) {
      JsonNode viewer = graphQl.call(Operation.VIEWER, Map.of()).path("viewer");
      String expected = settings.identity();
      if (expected != null && !expected.equalsIgnoreCase(viewer.path("email").asText())
          && !expected.equals(viewer.path("id").asText())) {
        throw new LinearConfigException("linear.identity", expected, List.of(viewer.path("email").asText()),
            "LINEAR_API_KEY belongs to " + viewer.path("email").asText() + ", but linear.identity says Aegis"
                + " writes as " + expected + ". Use that user's API key, or change linear.identity.");
      }
      self = LinearMapping.author(viewer, null);
      selfId = viewer.path("id").asText();
      workspaceKey = viewer.path("organization").path("urlKey").asText();
    }
    return self;
  }

  /** The API key's user id: what Linear names as the creator of whatever Aegis creates. */
  synchronized String selfId() {
    self();
    return selfId;
  }

  /** The workspace's URL key, the {@code acme} in {@code https://linear.app/acme/issue/ENG-950}. */
  synchronized String workspaceKey() {
    self();
    return workspaceKey;
  }

  /** True when {@code login} (an email or a user id) is one of the configured approvers. */
  boolean isApprover(String login) {
    if (login == null || settings.approvers().isEmpty()) {
      return false;
    }
    String wanted = login.trim().toLowerCase(Locale.ROOT);
    if (settings.approvers().stream().anyMatch(a -> a.equalsIgnoreCase(wanted))) {
      return true;
    }
    return approvers().contains(wanted);
  }

  private synchronized Set<String> approvers() {
    if (approvers == null) {
      Set<String> known = new HashSet<>();
      settings.approvers().forEach(a -> known.add(a.toLowerCase(Locale.ROOT)));
      for (JsonNode user : pages.all(
          Operation.USERS, Map.of("filter", LinearFilters.users(settings.approvers())), "/users")) {
        known.add(user.path("id").asText().toLowerCase(Locale.ROOT));
        known.add(user.path("email").asText().toLowerCase(Locale.ROOT));
      }
      approvers = Set.copyOf(known);
    }
    return approvers;
  }
}
