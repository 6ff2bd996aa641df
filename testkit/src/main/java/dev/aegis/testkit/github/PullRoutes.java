package dev.aegis.testkit.github;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.aegis.testkit.github.Records.IssueRec;
import dev.aegis.testkit.github.Records.PullRec;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Pull requests: list (state, head, base filters), create (branches must exist and differ; the workflow's
 * {@code GITHUB_TOKEN} only when the repository allows GitHub Actions to create pull requests), get.
 */
final class PullRoutes {
  private final AtomicLong ids;

  PullRoutes(AtomicLong ids) {
    this.ids = ids;
  }

  void register(Router router) {
    String pulls = "/repos/{owner}/{repo}/pulls";
    router.add("GET", pulls, this::list);
    router.add("POST", pulls, this::create);
    router.add("GET", pulls + "/{pull_number}", this::get);
  }

  private Reply list(Call call) {
    String state = call.query("state", "open");
    String head = call.query("head", null);
    String base = call.query("base", null);
    String owner = call.repo().owner();
    Comparator<IssueRec> order = Comparator.comparing(IssueRec::createdAt).thenComparing(IssueRec::number);
    if (!"asc".equals(call.query("direction", "desc"))) {
      order = order.reversed();
    }
    List<IssueRec> pulls = call.repo().issues().stream()
        .filter(IssueRec::isPull)
        .filter(i -> "all".equals(state) || i.state().equals(state))
        .filter(i -> head == null || head.equalsIgnoreCase(owner + ":" + i.pull().head()))
        .filter(i -> base == null || base.equals(i.pull().base()))
        .sorted(order)
        .toList();
    return Paging.page(call, pulls, i -> pull(call, i, false));
  }

  private Reply create(Call call) {
    call.require(Role.WRITE);
    if (call.callerIs(FakeGitHub.ACTIONS_BOT) && !call.repo().actionsMayCreatePullRequests()) {
      // GitHub's answer when "Allow GitHub Actions to create and approve pull requests" is off
      throw ApiError.status(403, "GitHub Actions is not permitted to create or approve pull requests.");
    }
    String title = call.requiredText("title");
    String head = call.requiredText("head");
    String base = call.requiredText("base");
    head = head.contains(":") ? head.substring(head.indexOf(':') + 1) : head;
    GitStore git = call.repo().git();
    String headSha = git.resolve("refs/heads/" + head).orElseThrow(() -> ApiError.invalid("head", "invalid"));
    String baseSha = git.resolve("refs/heads/" + base).orElseThrow(() -> ApiError.invalid("base", "invalid"));
    String headBranch = head;
    boolean exists = call.repo().issues().stream().anyMatch(i -> i.isPull() && "open".equals(i.state())
        && i.pull().head().equals(headBranch) && i.pull().base().equals(base));
    if (exists) {
      throw ApiError.custom("PullRequest",
          "A pull request already exists for " + call.repo().owner() + ":" + head + ".");
    }
    if (git.isAncestor(headSha, baseSha)) {
      throw ApiError.custom("PullRequest", "No commits between " + base + " and " + head);
    }
    JsonNode body = call.json();
    PullRec pull = new PullRec(ids.incrementAndGet(), head, base, headSha, baseSha,
        body.path("draft").asBoolean(false));
    IssueRec issue = call.repo().createIssue(title, body.path("body").textValue(), List.of(),
        call.caller().login(), pull);
    return Reply.created(pull(call, issue, true));
  }

  private Reply get(Call call) {
    IssueRec issue = call.repo().issue(call.intParam("pull_number"))
        .filter(IssueRec::isPull)
        .orElseThrow(ApiError::notFound);
    return Reply.ok(pull(call, issue, true));
  }

  private static ObjectNode pull(Call call, IssueRec i, boolean full) {
    RepoState repo = call.repo();
    Shapes shapes = call.shapes();
    String api = shapes.repoUrl(repo);
    String web = shapes.web() + "/" + repo.fullName() + "/pull/" + i.number();
    ObjectNode n = Shapes.JSON.createObjectNode();
    n.put("url", api + "/pulls/" + i.number());
    n.put("id", i.pull().id());
    n.put("node_id", Shapes.nodeId("PullRequest", i.pull().id()));
    n.put("html_url", web);
    n.put("diff_url", web + ".diff");
    n.put("patch_url", web + ".patch");
    n.put("issue_url", api + "/issues/" + i.number());
    n.put("commits_url", api + "/pulls/" + i.number() + "/commits");
    n.put("review_comments_url", api + "/pulls/" + i.number() + "/comments");
    n.put("review_comment_url", api + "/pulls/comments{/number}");
    n.put("comments_url", api + "/issues/" + i.number() + "/comments");
    n.put("statuses_url", api + "/statuses/" + i.pull().headSha());
    n.put("number", i.number());
    n.put("state", i.state());
    n.put("locked", false);
    n.put("title", i.title());
    n.set("user", shapes.user(i.author()));
    n.put("body", i.body());
    ArrayNode labels = shapes.labels(repo, i);
    if (!full) {
      // GitHub's description types a listed pull request's label description as a plain string
      labels.forEach(l -> ((ObjectNode) l).put("description", l.path("description").asText("")));
    }
    n.set("labels", labels);
    n.putNull("milestone");
    n.put("created_at", Shapes.time(i.createdAt()));
    n.put("updated_at", Shapes.time(i.updatedAt()));
    n.put("closed_at", Shapes.time(i.closedAt()));
    n.putNull("merged_at");
    n.putNull("merge_commit_sha");
    n.putNull("assignee");
    n.set("head", end(call, i.pull().head(), i.pull().headSha()));
    n.set("base", end(call, i.pull().base(), i.pull().baseSha()));
    ObjectNode links = n.putObject("_links");
    String[][] rels = {{"self", api + "/pulls/" + i.number()}, {"html", web},
        {"issue", api + "/issues/" + i.number()}, {"comments", api + "/issues/" + i.number() + "/comments"},
        {"review_comments", api + "/pulls/" + i.number() + "/comments"},
        {"review_comment", api + "/pulls/comments{/number}"},
        {"commits", api + "/pulls/" + i.number() + "/commits"}, {"statuses", api + "/statuses/" + i.pull().headSha()}};
    for (String[] rel : rels) {
      links.putObject(rel[0]).put("href", rel[1]);
    }
    n.put("author_association", repo.fullName().startsWith(i.author() + "/") ? "OWNER" : "CONTRIBUTOR");
    n.putNull("auto_merge");
    n.put("draft", i.pull().draft());
    if (full) {
      n.put("merged", false);
      n.putNull("mergeable");
      n.put("mergeable_state", "unknown");
      n.putNull("merged_by");
      n.put("comments", repo.comments(i.number()).size());
      for (String zero : new String[] {"review_comments", "additions", "deletions", "changed_files"}) {
        n.put(zero, 0);
      }
      n.put("commits", 1);
      n.put("maintainer_can_modify", false);
    }
    return n;
  }

  private static ObjectNode end(Call call, String branch, String recordedSha) {
    RepoState repo = call.repo();
    ObjectNode n = Shapes.JSON.createObjectNode();
    n.put("label", repo.owner() + ":" + branch);
    n.put("ref", branch);
    n.put("sha", repo.git().resolve("refs/heads/" + branch).orElse(recordedSha));
    n.set("user", call.shapes().user(repo.owner()));
    n.set("repo", call.shapes().repository(repo));
    return n;
  }
}
