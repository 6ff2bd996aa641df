package dev.aegis.core.tracker.github;

import com.fasterxml.jackson.databind.JsonNode;
import dev.aegis.core.repo.CommitInfo;
import dev.aegis.core.tracker.Author;
import dev.aegis.core.tracker.Issue;
import dev.aegis.core.tracker.IssueComment;
import dev.aegis.core.tracker.IssueKey;
import dev.aegis.core.tracker.Permission;
import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.kohsuke.github.GHIssue;
import org.kohsuke.github.GHLabel;

/** GitHub's objects (hub4j's and raw JSON) to Aegis's records, and path encoding. */
final class Mapping {
  private Mapping() {}

  /**
   * An issue from hub4j. The author is read from the login only: {@code GHUser.getType()} would cost a
   * {@code GET /users/{login}} per issue (hub4j fills in the user), so bots are recognised by the
   * {@code [bot]} suffix every GitHub App account carries.
   */
  static Issue issue(GHIssue issue) throws IOException {
    List<String> labels = issue.getLabels().stream().map(GHLabel::getName).toList();
    return new Issue(
        IssueKey.github(issue.getNumber()),
        issue.getTitle(),
        issue.getBody(),
        labels,
        issue.getState().name().toLowerCase(Locale.ROOT),
        author(issue.getUser().getLogin(), null),
        issue.getCreatedAt().toInstant(),
        issue.getUpdatedAt().toInstant(),
        issue.getHtmlUrl() == null ? "" : issue.getHtmlUrl().toString());
  }

  /** A comment from GitHub's JSON; the body stays raw (see {@link IssueComment}). */
  static IssueComment comment(JsonNode c) {
    JsonNode user = c.path("user");
    return new IssueComment(
        c.path("id").asText(),
        author(user.path("login").asText(), user.path("type").asText(null)),
        LostAnswers.withoutMarker(c.path("body").asText("")),
        Instant.parse(c.path("created_at").asText()),
        Instant.parse(c.path("updated_at").asText(c.path("created_at").asText())));
  }

  /** An author; a bot when GitHub says {@code type: Bot} or, without a type, when the login ends in [bot]. */
  static Author author(String login, String type) {
    boolean bot = type != null ? "Bot".equals(type) || login.endsWith("[bot]") : login.endsWith("[bot]");
    return new Author(login, bot);
  }

  /** A git commit from {@code GET git/commits/{sha}}. */
  static CommitInfo commit(JsonNode c) {
    List<String> parents = new ArrayList<>();
    c.path("parents").forEach(p -> parents.add(p.path("sha").asText()));
    return new CommitInfo(c.path("sha").asText(), c.path("tree").path("sha").asText(), parents,
        c.path("message").asText(""), Instant.parse(c.path("committer").path("date").asText()));
  }

  /** GitHub's {@code role_name}; custom roles fall back to the base {@code permission} they extend. */
  static Permission permission(String roleName, String legacy) {
    return switch (roleName.toLowerCase(Locale.ROOT)) {
      case "admin" -> Permission.ADMIN;
      case "maintain" -> Permission.MAINTAIN;
      case "write" -> Permission.WRITE;
      case "triage" -> Permission.TRIAGE;
      case "read" -> Permission.READ;
      case "none" -> Permission.NONE;
      default -> switch (legacy.toLowerCase(Locale.ROOT)) {
        case "admin" -> Permission.ADMIN;
        case "write" -> Permission.WRITE;
        case "read" -> Permission.READ;
        default -> Permission.NONE;
      };
    };
  }

  /** One percent-encoded path segment ({@code ready to implement} -> {@code ready%20to%20implement}). */
  static String segment(String value) {
    return URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20");
  }

  /** A name with slashes (a branch) as encoded path segments, the slashes kept. */
  static String segments(String value) {
    List<String> parts = new ArrayList<>();
    for (String part : value.split("/", -1)) {
      parts.add(segment(part));
    }
    return String.join("/", parts);
  }
}
