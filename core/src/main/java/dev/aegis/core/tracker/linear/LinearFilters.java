package dev.aegis.core.tracker.linear;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** The server-side filters Aegis sends (Linear's {@code IssueFilter}, {@code CommentFilter}...), all by id. */
final class LinearFilters {
  /**
   * Workflow state types of closed issues. Linear's schema lists the types as "triage", "backlog", "unstarted",
   * "started", "completed", "canceled", "duplicate", and calls completed, canceled and duplicate issues closed.
   */
  static final List<String> CLOSED_TYPES = List.of("completed", "canceled", "duplicate");

  private LinearFilters() {}

  /** Issues of the team with the ready signal and the bug label. */
  static Map<String, Object> ready(LinearCatalog.Loaded catalog) {
    List<Object> all = new ArrayList<>();
    all.add(team(catalog.team().id()));
    all.add(label(catalog.bugLabelId()));
    if (catalog.readyLabelId() != null) {
      all.add(label(catalog.readyLabelId()));
    }
    if (catalog.readyStateId() != null) {
      all.add(Map.of("state", Map.of("id", eq(catalog.readyStateId()))));
    } else {
      all.add(open());
    }
    return Map.of("and", all);
  }

  /** Issues of the team in a phase: by its label when it has one (Aegis owns those), else by its state. */
  static Map<String, Object> phase(String teamId, String labelId, String stateId) {
    if (labelId != null) {
      return Map.of("and", List.of(team(teamId), label(labelId), open()));
    }
    return Map.of("and", List.of(team(teamId), Map.of("state", Map.of("id", eq(stateId)))));
  }

  /** Comments on the team's issues created or edited at or after {@code since}. */
  static Map<String, Object> commentsSince(String teamId, Instant since) {
    return Map.of(
        "updatedAt", Map.of("gte", since.toString()),
        "issue", team(teamId));
  }

  static Map<String, Object> team(String teamId) {
    return Map.of("team", Map.of("id", eq(teamId)));
  }

  /** The team's own labels and the workspace's. */
  static Map<String, Object> labelsOf(String teamId) {
    return Map.of("or", List.of(team(teamId), Map.of("team", Map.of("null", true))));
  }

  /** Users whose id or email (any case) is one of {@code people}. */
  static Map<String, Object> users(List<String> people) {
    List<Object> any = new ArrayList<>();
    for (String person : people) {
      any.add(person.contains("@")
          ? Map.of("email", Map.of("eqIgnoreCase", person))
          : Map.of("id", eq(person)));
    }
    return Map.of("or", any);
  }

  private static Map<String, Object> label(String labelId) {
    return Map.of("labels", Map.of("some", Map.of("id", eq(labelId))));
  }

  private static Map<String, Object> open() {
    return Map.of("state", Map.of("type", Map.of("nin", CLOSED_TYPES)));
  }

  private static Map<String, Object> eq(String id) {
    return Map.of("eq", id);
  }
}
