package dev.aegis.cli.e2e;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.aegis.testkit.events.Events;
import dev.aegis.testkit.github.FakeRepository;

/**
 * Real webhook payloads ({@link Events}) pointed at a repository of the fake. Only what must match the fake
 * changes: the repository's names, and for issue events the issue's text and labels under test.
 */
final class Payloads {
  private Payloads() {}

  /** The fixture {@code name} with its {@code repository} renamed to {@code repo}. */
  static ObjectNode of(String name, FakeRepository repo) {
    ObjectNode payload = Events.json(name);
    String[] parts = repo.fullName().split("/");
    ObjectNode repository = (ObjectNode) payload.path("repository");
    repository.put("full_name", repo.fullName());
    repository.put("name", parts[1]);
    ((ObjectNode) repository.path("owner")).put("login", parts[0]);
    return payload;
  }

  /**
   * {@code issues.labeled} for issue #1 of {@code repo}, with this title and body, carrying {@code labels}; the
   * label just added is the last one.
   */
  static ObjectNode labeled(FakeRepository repo, String title, String body, String... labels) {
    ObjectNode payload = issue("issues.labeled", repo, title, body, labels);
    ArrayNode list = (ArrayNode) payload.path("issue").path("labels");
    payload.set("label", list.get(list.size() - 1).deepCopy());
    return payload;
  }

  /** The issue event fixture {@code name} for issue #1 of {@code repo}, with this title, body and labels. */
  static ObjectNode issue(String name, FakeRepository repo, String title, String body, String... labels) {
    ObjectNode payload = of(name, repo);
    ObjectNode issue = (ObjectNode) payload.path("issue");
    issue.put("title", title);
    issue.put("body", body);
    ObjectNode template = (ObjectNode) issue.path("labels").path(0);
    ArrayNode list = issue.putArray("labels");
    long id = template.path("id").asLong();
    for (String label : labels) {
      ObjectNode node = template.deepCopy();
      node.put("id", id++);
      node.put("name", label);
      node.put("url", "https://api.github.com/repos/" + repo.fullName() + "/labels/" + label.replace(" ", "%20"));
      node.put("default", "bug".equals(label));
      list.add(node);
    }
    return payload;
  }

  /** {@code issue_comment.created} on issue #1 of {@code repo}, written by {@code login} (a bot when it ends in [bot]). */
  static ObjectNode commentBy(FakeRepository repo, String login, String body) {
    ObjectNode payload = of("issue_comment.created", repo);
    ObjectNode comment = (ObjectNode) payload.path("comment");
    comment.put("body", body);
    for (ObjectNode user : new ObjectNode[] {(ObjectNode) comment.path("user"), (ObjectNode) payload.path("sender")}) {
      user.put("login", login);
      user.put("type", login.endsWith("[bot]") ? "Bot" : "User");
    }
    return payload;
  }
}
