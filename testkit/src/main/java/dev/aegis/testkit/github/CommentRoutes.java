package dev.aegis.testkit.github;

import dev.aegis.testkit.github.Records.CommentRec;
import dev.aegis.testkit.github.Records.IssueRec;
import dev.aegis.testkit.github.Records.ReactionRec;
import dev.aegis.testkit.github.RepoState.Created;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Set;

/** Issue comments (per issue and repository-wide) and their reactions. */
final class CommentRoutes {
  private static final Set<String> REACTIONS =
      Set.of("+1", "-1", "laugh", "confused", "heart", "hooray", "rocket", "eyes");

  private CommentRoutes() {}

  static void register(Router router) {
    String issues = "/repos/{owner}/{repo}/issues";
    router.add("GET", issues + "/{issue_number}/comments", CommentRoutes::listForIssue);
    router.add("POST", issues + "/{issue_number}/comments", CommentRoutes::create);
    router.add("GET", issues + "/comments", CommentRoutes::listForRepo);
    router.add("GET", issues + "/comments/{comment_id}", CommentRoutes::get);
    router.add("PATCH", issues + "/comments/{comment_id}", CommentRoutes::update);
    router.add("DELETE", issues + "/comments/{comment_id}", CommentRoutes::delete);
    router.add("GET", issues + "/comments/{comment_id}/reactions", CommentRoutes::reactions);
    router.add("POST", issues + "/comments/{comment_id}/reactions", CommentRoutes::react);
  }

  private static Reply listForIssue(Call call) {
    IssueRec issue = IssueRoutes.issueOr404(call);
    Instant since = IssueRoutes.since(call);
    List<CommentRec> comments = call.repo().comments(issue.number()).stream()
        .filter(c -> since == null || !c.updatedAt().isBefore(since))
        .toList();
    return Paging.page(call, comments, c -> call.shapes().comment(call.repo(), c));
  }

  private static Reply create(Call call) {
    call.require(Role.READ);
    String body = call.requiredText("body");
    CommentRec comment = call.repo()
        .addComment(call.intParam("issue_number"), call.caller().login(), body)
        .orElseThrow(ApiError::notFound);
    return Reply.created(call.shapes().comment(call.repo(), comment));
  }

  private static Reply listForRepo(Call call) {
    Instant since = IssueRoutes.since(call);
    Comparator<CommentRec> order = "updated".equals(call.query("sort", "created"))
        ? Comparator.comparing(CommentRec::updatedAt)
        : Comparator.comparing(CommentRec::createdAt);
    order = order.thenComparing(CommentRec::id);
    if ("desc".equals(call.query("direction", "asc"))) {
      order = order.reversed();
    }
    List<CommentRec> comments = call.repo().comments().stream()
        .filter(c -> since == null || !c.updatedAt().isBefore(since))
        .sorted(order)
        .toList();
    return Paging.page(call, comments, c -> call.shapes().comment(call.repo(), c));
  }

  private static CommentRec commentOr404(Call call) {
    return call.repo().comment(call.longParam("comment_id")).orElseThrow(ApiError::notFound);
  }

  private static Reply get(Call call) {
    return Reply.ok(call.shapes().comment(call.repo(), commentOr404(call)));
  }

  private static Reply update(Call call) {
    CommentRec comment = commentOr404(call);
    if (!call.callerIs(comment.author())) {
      call.require(Role.WRITE);
    }
    CommentRec edited = call.repo().editComment(comment.id(), call.requiredText("body")).orElseThrow();
    return Reply.ok(call.shapes().comment(call.repo(), edited));
  }

  /** {@code DELETE /repos/{owner}/{repo}/issues/comments/{comment_id}}: 204; the author or a writer only. */
  private static Reply delete(Call call) {
    CommentRec comment = commentOr404(call);
    if (!call.callerIs(comment.author())) {
      call.require(Role.WRITE);
    }
    call.repo().deleteComment(comment.id());
    return Reply.noContent();
  }

  private static Reply reactions(Call call) {
    CommentRec comment = commentOr404(call);
    String content = call.query("content", null);
    List<ReactionRec> reactions = call.repo().reactions(comment.id()).stream()
        .filter(r -> content == null || r.content().equals(content))
        .toList();
    return Paging.page(call, reactions, r -> call.shapes().reaction(r));
  }

  private static Reply react(Call call) {
    call.require(Role.READ);
    CommentRec comment = commentOr404(call);
    String content = call.requiredText("content");
    if (!REACTIONS.contains(content)) {
      throw ApiError.invalid("content", "invalid");
    }
    Created<ReactionRec> reaction = call.repo().react(comment.id(), call.caller().login(), content);
    return new Reply(reaction.created() ? 201 : 200, call.shapes().reaction(reaction.value()), java.util.Map.of());
  }
}
