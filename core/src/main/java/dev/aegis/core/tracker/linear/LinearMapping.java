package dev.aegis.core.tracker.linear;

import com.fasterxml.jackson.databind.JsonNode;
import dev.aegis.core.tracker.Author;
import dev.aegis.core.tracker.Issue;
import dev.aegis.core.tracker.IssueComment;
import dev.aegis.core.tracker.IssueKey;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * Linear's JSON to the tracker seam's records. A person is known by their email (their id when Linear gives no
 * email), so approvers lists, comment authors and {@code self()} compare alike; apps and integrations are bots.
 */
final class LinearMapping {
  static final String KIND = "linear";

  private LinearMapping() {}

  /** An {@code IssueFields} node; labels are the label names followed by the workflow state's name. */
  static Issue issue(JsonNode node) {
    List<String> labels = new ArrayList<>();
    node.path("labels").path("nodes").forEach(l -> labels.add(l.path("name").asText()));
    String state = node.path("state").path("name").asText("");
    if (!state.isEmpty()) {
      labels.add(state);
    }
    return new Issue(
        new IssueKey(KIND, node.path("identifier").asText()),
        node.path("title").asText(""),
        node.path("description").asText(""),
        labels,
        state,
        author(node.path("creator"), null),
        instant(node.path("createdAt")),
        instant(node.path("updatedAt")),
        node.path("url").asText(""));
  }

  /** A {@code CommentFields} node. */
  static IssueComment comment(JsonNode node) {
    return new IssueComment(
        node.path("id").asText(),
        author(node.path("user"), node.path("botActor")),
        node.path("body").asText(""),
        instant(node.path("createdAt")),
        instant(node.path("updatedAt")));
  }

  /** A Linear user ({@code id email displayName app}), or the bot that acted when there is no user. */
  static Author author(JsonNode user, JsonNode bot) {
    if (user != null && user.isObject()) {
      String email = user.path("email").asText("");
      return new Author(email.isEmpty() ? user.path("id").asText("unknown") : email, user.path("app").asBoolean());
    }
    if (bot != null && bot.isObject()) {
      String name = bot.path("name").asText(bot.path("id").asText("integration"));
      return new Author("bot:" + name, true);
    }
    return new Author("linear:integration", true);
  }

  static Instant instant(JsonNode value) {
    return Instant.parse(value.asText());
  }
}
