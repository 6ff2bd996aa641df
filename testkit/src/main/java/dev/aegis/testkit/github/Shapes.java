package dev.aegis.testkit.github;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.aegis.testkit.github.Records.Account;
import dev.aegis.testkit.github.Records.CommentRec;
import dev.aegis.testkit.github.Records.IssueRec;
import dev.aegis.testkit.github.Records.LabelRec;
import dev.aegis.testkit.github.Records.ReactionRec;
import dev.aegis.testkit.github.Records.VariableRec;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;

/**
 * Builds GitHub's JSON objects (users, repositories, issues, comments, labels, reactions, variables) with every
 * field GitHub's description marks required. URLs point back at the fake, under the API root the caller used
 * (with {@code /api/v3} when it came in that way).
 */
final class Shapes {
  static final ObjectMapper JSON = new ObjectMapper();
  /** When every fake account was created, as profiles report it. */
  static final Instant ACCOUNTS_SINCE = Instant.parse("2020-01-01T00:00:00Z");

  private final String api;
  private final String web;
  private final Accounts accounts;

  Shapes(String apiRoot, String webRoot, Accounts accounts) {
    this.api = apiRoot;
    this.web = webRoot;
    this.accounts = accounts;
  }

  String api() {
    return api;
  }

  String web() {
    return web;
  }

  static String time(Instant instant) {
    return instant == null ? null : instant.toString();
  }

  static String nodeId(String kind, long id) {
    return Base64.getEncoder().withoutPadding()
        .encodeToString((kind + ":" + id).getBytes(StandardCharsets.UTF_8));
  }

  static String pathSegment(String value) {
    return URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20");
  }

  ObjectNode user(String login) {
    return user(accounts.account(login));
  }

  ObjectNode user(Account a) {
    String u = api + "/users/" + pathSegment(a.login());
    ObjectNode n = JSON.createObjectNode();
    n.put("login", a.login());
    n.put("id", a.id());
    n.put("node_id", nodeId(a.bot() ? "Bot" : "User", a.id()));
    n.put("avatar_url", "https://avatars.githubusercontent.com/u/" + a.id() + "?v=4");
    n.put("gravatar_id", "");
    n.put("url", u);
    n.put("html_url", a.bot() ? web + "/apps/" + a.login().replace("[bot]", "") : web + "/" + a.login());
    n.put("followers_url", u + "/followers");
    n.put("following_url", u + "/following{/other_user}");
    n.put("gists_url", u + "/gists{/gist_id}");
    n.put("starred_url", u + "/starred{/owner}{/repo}");
    n.put("subscriptions_url", u + "/subscriptions");
    n.put("organizations_url", u + "/orgs");
    n.put("repos_url", u + "/repos");
    n.put("events_url", u + "/events{/privacy}");
    n.put("received_events_url", u + "/received_events");
    n.put("type", a.bot() ? "Bot" : "User");
    n.put("user_view_type", "public");
    n.put("site_admin", false);
    return n;
  }

  /**
   * The {@code public-user} shape, as {@code GET /user} answers a token without the {@code user} scope. The fake
   * keeps no profile, so the profile fields are empty and every account dates from {@link #ACCOUNTS_SINCE}.
   */
  ObjectNode publicUser(Account a) {
    ObjectNode n = user(a);
    for (String field : new String[] {"name", "company", "blog", "location", "email", "hireable", "bio"}) {
      n.putNull(field);
    }
    n.put("public_repos", 0);
    n.put("public_gists", 0);
    n.put("followers", 0);
    n.put("following", 0);
    n.put("created_at", time(ACCOUNTS_SINCE));
    n.put("updated_at", time(ACCOUNTS_SINCE));
    return n;
  }

  /** The {@code full-repository} shape, as {@code GET /repos/{owner}/{repo}} answers. */
  ObjectNode fullRepository(RepoState r) {
    ObjectNode n = repository(r);
    n.put("subscribers_count", 0);
    n.put("network_count", 0);
    return n;
  }

  /** The {@code repository} shape, as nested in pull requests. */
  ObjectNode repository(RepoState r) {
    String full = r.fullName();
    String u = repoUrl(r);
    ObjectNode n = JSON.createObjectNode();
    n.put("id", r.id());
    n.put("node_id", nodeId("Repository", r.id()));
    n.put("name", r.name());
    n.put("full_name", full);
    n.set("owner", user(r.owner()));
    n.put("private", r.isPrivate());
    n.put("html_url", web + "/" + full);
    n.putNull("description");
    n.put("fork", false);
    n.put("url", u);
    String[][] templated = {
        {"archive_url", "/{archive_format}{/ref}"}, {"assignees_url", "/assignees{/user}"},
        {"blobs_url", "/git/blobs{/sha}"}, {"branches_url", "/branches{/branch}"},
        {"collaborators_url", "/collaborators{/collaborator}"}, {"comments_url", "/comments{/number}"},
        {"commits_url", "/commits{/sha}"}, {"compare_url", "/compare/{base}...{head}"},
        {"contents_url", "/contents/{+path}"}, {"contributors_url", "/contributors"},
        {"deployments_url", "/deployments"}, {"downloads_url", "/downloads"}, {"events_url", "/events"},
        {"forks_url", "/forks"}, {"git_commits_url", "/git/commits{/sha}"}, {"git_refs_url", "/git/refs{/sha}"},
        {"git_tags_url", "/git/tags{/sha}"}, {"issue_comment_url", "/issues/comments{/number}"},
        {"issue_events_url", "/issues/events{/number}"}, {"issues_url", "/issues{/number}"},
        {"keys_url", "/keys{/key_id}"}, {"labels_url", "/labels{/name}"}, {"languages_url", "/languages"},
        {"merges_url", "/merges"}, {"milestones_url", "/milestones{/number}"},
        {"notifications_url", "/notifications{?since,all,participating}"}, {"pulls_url", "/pulls{/number}"},
        {"releases_url", "/releases{/id}"}, {"stargazers_url", "/stargazers"}, {"statuses_url", "/statuses/{sha}"},
        {"subscribers_url", "/subscribers"}, {"subscription_url", "/subscription"}, {"tags_url", "/tags"},
        {"teams_url", "/teams"}, {"trees_url", "/git/trees{/sha}"}, {"hooks_url", "/hooks"}};
    for (String[] t : templated) {
      n.put(t[0], u + t[1]);
    }
    n.put("git_url", web.replaceFirst("^https?", "git") + "/" + full + ".git");
    n.put("ssh_url", "git@fake.github.invalid:" + full + ".git");
    n.put("clone_url", r.git().gitDir().toUri().toString());
    n.put("svn_url", web + "/" + full);
    n.putNull("mirror_url");
    n.putNull("homepage");
    n.putNull("language");
    for (String zero : new String[] {"forks_count", "stargazers_count", "watchers_count", "size", "forks",
        "watchers"}) {
      n.put(zero, 0);
    }
    int open = (int) r.issues().stream().filter(i -> "open".equals(i.state())).count();
    n.put("open_issues_count", open);
    n.put("open_issues", open);
    n.put("default_branch", r.git().defaultBranch());
    for (String yes : new String[] {"has_issues", "has_projects", "has_wiki", "has_downloads"}) {
      n.put(yes, true);
    }
    for (String no : new String[] {"has_pages", "has_discussions", "archived", "disabled", "is_template"}) {
      n.put(no, false);
    }
    n.put("visibility", r.isPrivate() ? "private" : "public");
    n.put("pushed_at", time(r.createdAt()));
    n.put("created_at", time(r.createdAt()));
    n.put("updated_at", time(r.createdAt()));
    n.putNull("license");
    return n;
  }

  String repoUrl(RepoState r) {
    return api + "/repos/" + r.fullName();
  }

  ObjectNode label(RepoState r, LabelRec l) {
    ObjectNode n = JSON.createObjectNode();
    n.put("id", l.id());
    n.put("node_id", nodeId("Label", l.id()));
    n.put("url", repoUrl(r) + "/labels/" + pathSegment(l.name()));
    n.put("name", l.name());
    n.put("color", l.color());
    n.put("description", l.description());
    n.put("default", l.isDefault());
    return n;
  }

  ArrayNode labels(RepoState r, IssueRec issue) {
    ArrayNode labels = JSON.createArrayNode();
    for (String name : issue.labels()) {
      labels.add(label(r, r.ensureLabel(name)));
    }
    return labels;
  }

  ObjectNode issue(RepoState r, IssueRec i) {
    String u = repoUrl(r) + "/issues/" + i.number();
    ObjectNode n = JSON.createObjectNode();
    n.put("id", i.id());
    n.put("node_id", nodeId("Issue", i.id()));
    n.put("url", u);
    n.put("repository_url", repoUrl(r));
    n.put("labels_url", u + "/labels{/name}");
    n.put("comments_url", u + "/comments");
    n.put("events_url", u + "/events");
    n.put("html_url", web + "/" + r.fullName() + (i.isPull() ? "/pull/" : "/issues/") + i.number());
    n.put("number", i.number());
    n.put("state", i.state());
    n.put("title", i.title());
    n.put("body", i.body());
    n.set("user", user(i.author()));
    n.set("labels", labels(r, i));
    n.putNull("assignee");
    n.set("assignees", JSON.createArrayNode());
    n.putNull("milestone");
    n.put("locked", false);
    n.putNull("active_lock_reason");
    n.put("comments", r.comments(i.number()).size());
    if (i.isPull()) {
      ObjectNode pull = n.putObject("pull_request");
      pull.put("url", repoUrl(r) + "/pulls/" + i.number());
      pull.put("html_url", web + "/" + r.fullName() + "/pull/" + i.number());
      pull.put("diff_url", web + "/" + r.fullName() + "/pull/" + i.number() + ".diff");
      pull.put("patch_url", web + "/" + r.fullName() + "/pull/" + i.number() + ".patch");
      pull.putNull("merged_at");
    }
    n.put("closed_at", time(i.closedAt()));
    n.put("created_at", time(i.createdAt()));
    n.put("updated_at", time(i.updatedAt()));
    n.put("author_association", association(r, i.author()));
    return n;
  }

  ObjectNode comment(RepoState r, CommentRec c) {
    ObjectNode n = JSON.createObjectNode();
    n.put("id", c.id());
    n.put("node_id", nodeId("IssueComment", c.id()));
    n.put("url", repoUrl(r) + "/issues/comments/" + c.id());
    n.put("html_url", web + "/" + r.fullName() + "/issues/" + c.issue() + "#issuecomment-" + c.id());
    n.put("body", c.body());
    n.set("user", user(c.author()));
    n.put("created_at", time(c.createdAt()));
    n.put("updated_at", time(c.updatedAt()));
    n.put("issue_url", repoUrl(r) + "/issues/" + c.issue());
    n.put("author_association", association(r, c.author()));
    return n;
  }

  ObjectNode reaction(ReactionRec x) {
    ObjectNode n = JSON.createObjectNode();
    n.put("id", x.id());
    n.put("node_id", nodeId("Reaction", x.id()));
    n.set("user", user(x.login()));
    n.put("content", x.content());
    n.put("created_at", time(x.createdAt()));
    return n;
  }

  ObjectNode variable(VariableRec v) {
    ObjectNode n = JSON.createObjectNode();
    n.put("name", v.name());
    n.put("value", v.value());
    n.put("created_at", time(v.createdAt()));
    n.put("updated_at", time(v.updatedAt()));
    return n;
  }

  private String association(RepoState r, String login) {
    if (login.equalsIgnoreCase(r.owner())) {
      return "OWNER";
    }
    return r.role(login).atLeast(Role.WRITE) ? "COLLABORATOR" : "NONE";
  }
}
