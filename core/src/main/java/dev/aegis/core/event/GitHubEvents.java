package dev.aegis.core.event;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.aegis.core.event.GitHubEvent.Sender;
import dev.aegis.core.json.Mappers;
import java.util.LinkedHashMap;
import java.util.Map;

/** Parses GitHub event payloads into {@link GitHubEvent}s, failing with a clear message on malformed input. */
public final class GitHubEvents {
  private static final int MAX_PAYLOAD_CHARS = 25 * 1024 * 1024;

  private final ObjectMapper json = Mappers.JSON;

  /**
   * Parses a payload.
   *
   * @param name the event name ({@code GITHUB_EVENT_NAME})
   * @param payload the JSON payload
   * @throws EventException when the payload is not JSON or misses a field the event needs
   */
  public GitHubEvent parse(String name, String payload) {
    if (name == null || name.isBlank()) {
      throw new EventException("the event name is empty (GITHUB_EVENT_NAME is not set)");
    }
    JsonNode root = read(name, payload);
    return switch (name) {
      case "issues" -> new GitHubEvent.IssuesEvent(
          text(root, "action", name), number(root.path("issue"), name + ".issue"), sender(root.path("sender")));
      case "issue_comment" -> comment(root);
      case "schedule" -> new GitHubEvent.ScheduleEvent(root.path("schedule").asText(""));
      case "workflow_dispatch" -> new GitHubEvent.WorkflowDispatchEvent(inputs(root.path("inputs")));
      default -> new GitHubEvent.OtherEvent(name);
    };
  }

  private JsonNode read(String name, String payload) {
    if (payload == null || payload.isBlank()) {
      throw new EventException("the " + name + " event payload is empty");
    }
    if (payload.length() > MAX_PAYLOAD_CHARS) {
      throw new EventException("the " + name + " event payload is larger than 25 MB (GitHub's own limit)");
    }
    try {
      JsonNode root = json.readTree(payload);
      if (root == null || !root.isObject()) {
        throw new EventException("the " + name + " event payload is not a JSON object");
      }
      return root;
    } catch (JsonProcessingException e) {
      throw new EventException("the " + name + " event payload is not valid JSON: " + e.getOriginalMessage(), e);
    }
  }

  private static GitHubEvent comment(JsonNode root) {
    JsonNode issue = root.path("issue");
    JsonNode comment = root.path("comment");
    if (!comment.isObject()) {
      throw new EventException("the issue_comment event payload has no comment");
    }
    JsonNode id = comment.path("id");
    if (!id.isIntegralNumber() || !id.canConvertToLong() || id.asLong() <= 0) {
      throw new EventException("the issue_comment event payload has no comment.id");
    }
    return new GitHubEvent.IssueCommentEvent(
        text(root, "action", "issue_comment"),
        number(issue, "issue_comment.issue"),
        issue.hasNonNull("pull_request"),
        Long.toString(id.asLong()),
        comment.path("body").asText(""),
        sender(comment.path("user")),
        labels(issue));
  }

  private static String text(JsonNode node, String field, String where) {
    JsonNode v = node.path(field);
    if (!v.isTextual() || v.asText().isBlank()) {
      throw new EventException("the " + where + " event payload has no " + field);
    }
    return v.asText();
  }

  private static int number(JsonNode issue, String where) {
    JsonNode n = issue.path("number");
    if (!n.isIntegralNumber() || !n.canConvertToInt() || n.asInt() <= 0) {
      throw new EventException("the " + where + " object has no valid number");
    }
    return n.asInt();
  }

  private static Sender sender(JsonNode user) {
    String login = user.path("login").asText("");
    if (login.isEmpty()) {
      throw new EventException("the event payload has no sender login");
    }
    return new Sender(login, "Bot".equalsIgnoreCase(user.path("type").asText("")) || login.endsWith("[bot]"));
  }

  private static java.util.List<String> labels(JsonNode issue) {
    java.util.List<String> out = new java.util.ArrayList<>();
    issue.path("labels").forEach(l -> {
      String name = l.isTextual() ? l.asText() : l.path("name").asText("");
      if (!name.isEmpty()) {
        out.add(name);
      }
    });
    return out;
  }

  private static Map<String, String> inputs(JsonNode inputs) {
    Map<String, String> out = new LinkedHashMap<>();
    if (inputs.isObject()) {
      inputs.fields().forEachRemaining(f -> out.put(f.getKey(), f.getValue().asText("")));
    }
    return out;
  }
}
