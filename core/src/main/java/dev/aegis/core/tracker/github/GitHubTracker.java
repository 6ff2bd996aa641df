package dev.aegis.core.tracker.github;

import com.fasterxml.jackson.databind.JsonNode;
import dev.aegis.core.tracker.Author;
import dev.aegis.core.tracker.Issue;
import dev.aegis.core.tracker.IssueComment;
import dev.aegis.core.tracker.IssueKey;
import dev.aegis.core.tracker.Permission;
import dev.aegis.core.tracker.Phase;
import dev.aegis.core.tracker.Reaction;
import dev.aegis.core.tracker.Tracker;
import dev.aegis.core.tracker.github.GitHubErrors.Need;
import java.io.IOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.function.Supplier;
import org.kohsuke.github.GHDirection;
import org.kohsuke.github.GHIssue;
import org.kohsuke.github.GHIssueQueryBuilder;
import org.kohsuke.github.GHIssueState;
import org.kohsuke.github.GHLabel;
import org.kohsuke.github.GHRepository;

/**
 * GitHub Issues as a {@link Tracker}. Listings are one hub4j query per 100 issues, filtered by label on
 * GitHub's side; single-object reads and writes that hub4j can only reach through an extra {@code GET} of the
 * issue go straight to the REST API.
 */
final class GitHubTracker extends RepositoryApi implements Tracker {
  private volatile boolean phaseLabelsReady;
  private final GitHubIdentity identity;

  GitHubTracker(GitHubSettings settings, Supplier<GHRepository> repository, Rest rest, GitHubErrors failures,
      LostAnswers lost) {
    super(settings, repository, rest, failures, lost);
    this.identity = new GitHubIdentity(settings.identityLogin(), this::credentialsOwner);
  }

  @Override
  public String kind() {
    return "github";
  }

  @Override
  public Author self() {
    return identity.self();
  }

  @Override
  public Author identify() {
    return identity.learn();
  }

  @Override
  public List<Issue> readyIssues() {
    return openIssuesLabelled(settings.bugLabel() + "," + settings.readyLabel());
  }

  @Override
  public Optional<String> notReady(Issue issue) {
    return Tracker.notLabelledReady(issue, settings.bugLabel(), settings.readyLabel());
  }

  /** Open issues in {@code phase}; {@link Phase#NONE} cannot be filtered on and is refused. */
  @Override
  public List<Issue> issuesIn(Phase phase) {
    if (phase.label() == null) {
      throw new IllegalArgumentException("issues in no phase cannot be listed by label");
    }
    return openIssuesLabelled(phase.label());
  }

  /**
   * One {@code label()} call with the names joined: hub4j adds a second {@code labels} query parameter on each
   * call ({@code labels=a&labels=a,b}), which GitHub's description does not allow.
   */
  private List<Issue> openIssuesLabelled(String labels) {
    return failures.call("listing open issues labelled " + labels, Need.ISSUES_READ, () -> {
      List<Issue> issues = new ArrayList<>();
      for (GHIssue issue : repository.get().queryIssues().state(GHIssueState.OPEN).label(labels)
          .sort(GHIssueQueryBuilder.Sort.CREATED).direction(GHDirection.ASC).pageSize(100).list()) {
        if (!issue.isPullRequest()) {
          issues.add(Mapping.issue(issue));
        }
      }
      return issues;
    });
  }

  @Override
  public Optional<Issue> issue(IssueKey key) {
    return failures.call("reading " + key, Need.ISSUES_READ, () -> {
      try {
        GHIssue issue = repository.get().getIssue(key.number());
        String expected = "/repos/" + settings.repository() + "/issues/" + key.number();
        boolean moved = !issue.getUrl().getPath().toLowerCase(Locale.ROOT).endsWith(expected.toLowerCase(Locale.ROOT));
        return issue.isPullRequest() || moved ? Optional.empty() : Optional.of(Mapping.issue(issue));
      } catch (IOException e) {
        if (gone(e)) {
          return Optional.empty();
        }
        throw e;
      }
    });
  }

  @Override
  public List<IssueComment> comments(IssueKey key) {
    return failures.call("reading the comments of " + key, Need.ISSUES_READ, () -> {
      List<IssueComment> comments = new ArrayList<>();
      for (JsonNode c : rest.list(issuePath(key) + "/comments", Map.of("per_page", "100"))) {
        comments.add(Mapping.comment(c));
      }
      return comments;
    });
  }

  /** Ordered by last update, oldest first, so a poller can keep the newest {@code updatedAt} as its mark. */
  @Override
  public List<KeyedComment> commentsSince(Instant since) {
    return failures.call("reading comments since " + since, Need.ISSUES_READ, () -> {
      List<KeyedComment> comments = new ArrayList<>();
      Map<String, String> query = Map.of("since", since.toString(), "sort", "updated", "direction", "asc",
          "per_page", "100");
      for (JsonNode c : rest.list(repoPath + "/issues/comments", query)) {
        String issueUrl = c.path("issue_url").asText();
        int number = Integer.parseInt(issueUrl.substring(issueUrl.lastIndexOf('/') + 1));
        comments.add(new KeyedComment(IssueKey.github(number), Mapping.comment(c)));
      }
      return comments;
    });
  }

  /**
   * Posts the comment with a hidden marker naming this one write. A POST is not idempotent on GitHub, so when
   * its answer is lost (a 5xx, a timeout, a dropped connection) the issue's comments are read first and the
   * comment carrying the marker, if there is one, is the answer: one write, one comment.
   */
  @Override
  public IssueComment addComment(IssueKey key, String body) {
    String marker = LostAnswers.marker(UUID.randomUUID().toString().replace("-", ""));
    Map<String, String> sent = Map.of("body", body + "\n\n" + marker);
    IssueComment created = failures.call("commenting on " + key, Need.ISSUES_WRITE, () -> lost.write(
        "commenting on " + key,
        () -> Mapping.comment(rest.send("POST", issuePath(key) + "/comments", sent)),
        () -> marked(key, marker)));
    identity.check(created.author().login(), () -> failures.call("deleting comment " + created.id() + " on " + key,
        Need.ISSUES_WRITE, () -> rest.send("DELETE", repoPath + "/issues/comments/" + numeric(created.id()), null)));
    return created;
  }

  /**
   * The oldest comment carrying {@code marker}. The marker is random and unseen before the write, so the first
   * comment that carries it is the write itself (a later copy by someone else cannot come before it).
   */
  private Optional<IssueComment> marked(IssueKey key, String marker) throws IOException {
    for (JsonNode c : rest.list(issuePath(key) + "/comments", Map.of("per_page", "100"))) {
      if (c.path("body").asText("").contains(marker)) {
        return Optional.of(Mapping.comment(c));
      }
    }
    return Optional.empty();
  }

  @Override
  public void editComment(IssueKey key, String commentId, String body) {
    failures.call("editing comment " + commentId + " on " + key, Need.ISSUES_WRITE,
        () -> rest.send("PATCH", repoPath + "/issues/comments/" + numeric(commentId), Map.of("body", body)));
  }

  @Override
  public void setPhase(IssueKey key, Phase phase) {
    failures.call("moving " + key + " to " + phase, Need.ISSUES_WRITE, () -> {
      GHIssue issue = repository.get().getIssue(key.number());
      List<String> current = issue.getLabels().stream().map(GHLabel::getName).toList();
      PhaseLabels.Change change = PhaseLabels.change(current, phase);
      if (change.add() != null) {
        ensurePhaseLabels();
        issue.addLabels(change.add());
      }
      for (String label : change.remove()) {
        removeLabel(key, label);
      }
      return null;
    });
  }

  @Override
  public void withdrawReady(IssueKey key) {
    failures.call("removing '" + settings.readyLabel() + "' from " + key, Need.ISSUES_WRITE, () -> {
      removeLabel(key, settings.readyLabel());
      return null;
    });
  }

  /** Maps GitHub's {@code role_name} (custom roles fall back to their base {@code permission}); 404 is none. */
  @Override
  public Permission permission(IssueKey key, String login) {
    return failures.call("reading the permission of " + login, Need.METADATA_READ,
        () -> rest.find(repoPath + "/collaborators/" + Mapping.segment(login) + "/permission", Map.of())
            .map(answer -> Mapping.permission(answer.path("role_name").asText(), answer.path("permission").asText()))
            .orElse(Permission.NONE));
  }

  @Override
  public void react(IssueKey key, String commentId, Reaction reaction) {
    failures.call("reacting to comment " + commentId + " on " + key, Need.ISSUES_WRITE,
        () -> rest.send("POST", repoPath + "/issues/comments/" + numeric(commentId) + "/reactions",
            Map.of("content", reaction.content())));
  }

  /** One listing of the repository's labels (100 per page). */
  @Override
  public Optional<List<String>> labelNames() {
    return failures.call("listing the labels of " + settings.repository(), Need.ISSUES_READ, () -> {
      List<String> names = new ArrayList<>();
      for (JsonNode label : rest.list(repoPath + "/labels", Map.of("per_page", "100"))) {
        names.add(label.path("name").asText());
      }
      return Optional.of(names);
    });
  }

  /** {@code GET /user}; empty on GitHub's 403 to app installation tokens (no rate-limit wait attached). */
  @Override
  public Optional<Author> credentialsOwner() {
    return failures.call("asking GitHub who the token acts as", Need.METADATA_READ, () -> {
      try {
        JsonNode user = rest.get("user", Map.of());
        return Optional.of(Mapping.author(user.path("login").asText(), user.path("type").asText(null)));
      } catch (GitHubHttpException e) {
        if (e.status() == 403 && e.retryAfter() == null) {
          return Optional.empty();
        }
        throw e;
      }
    });
  }

  /** Creates the phase labels the repository lacks, with their colours, once per connection. */
  private void ensurePhaseLabels() throws IOException {
    if (phaseLabelsReady) {
      return;
    }
    Set<String> existing = new HashSet<>();
    for (JsonNode label : rest.list(repoPath + "/labels", Map.of("per_page", "100"))) {
      existing.add(label.path("name").asText().toLowerCase(Locale.ROOT));
    }
    for (Map.Entry<Phase, PhaseLabels.Look> look : PhaseLabels.LOOKS.entrySet()) {
      String name = look.getKey().label();
      if (!existing.contains(name)) {
        try {
          repository.get().createLabel(name, look.getValue().color(), look.getValue().description());
        } catch (IOException e) {
          if (GitHubErrors.status(e) != 422) { // 422: created meanwhile by another run
            throw e;
          }
        }
      }
    }
    phaseLabelsReady = true;
  }

  private void removeLabel(IssueKey key, String label) throws IOException {
    try {
      rest.send("DELETE", issuePath(key) + "/labels/" + Mapping.segment(label), null);
    } catch (GitHubHttpException e) {
      if (e.status() != 404) { // not on the issue (any more): nothing to remove
        throw e;
      }
    }
  }

  private String issuePath(IssueKey key) {
    return repoPath + "/issues/" + key.number();
  }

  private static String numeric(String commentId) {
    if (!commentId.matches("\\d+")) {
      throw new IllegalArgumentException("GitHub comment ids are numbers: " + commentId);
    }
    return commentId;
  }

  private static boolean gone(IOException e) {
    int status = GitHubErrors.status(e);
    return status == 404 || status == 410;
  }
}
