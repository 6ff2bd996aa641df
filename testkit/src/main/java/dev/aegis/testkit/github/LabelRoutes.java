package dev.aegis.testkit.github;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import dev.aegis.testkit.github.Records.IssueRec;
import dev.aegis.testkit.github.Records.LabelRec;
import java.util.List;
import java.util.Optional;

/** Repository labels (list, create, get) and the labels of one issue or pull request (list, add, set, remove). */
final class LabelRoutes {
  private LabelRoutes() {}

  static void register(Router router) {
    String repo = "/repos/{owner}/{repo}";
    router.add("GET", repo + "/labels", LabelRoutes::list);
    router.add("POST", repo + "/labels", LabelRoutes::create);
    router.add("GET", repo + "/labels/{name}", LabelRoutes::get);
    String onIssue = repo + "/issues/{issue_number}/labels";
    router.add("GET", onIssue, LabelRoutes::listOnIssue);
    router.add("POST", onIssue, LabelRoutes::add);
    router.add("PUT", onIssue, LabelRoutes::set);
    router.add("DELETE", onIssue + "/{name}", LabelRoutes::remove);
  }

  private static Reply list(Call call) {
    return Paging.page(call, call.repo().labels(), l -> call.shapes().label(call.repo(), l));
  }

  private static Reply create(Call call) {
    call.require(Role.WRITE);
    String name = call.requiredText("name");
    String color = call.json().path("color").asText("ededed").replaceFirst("^#", "");
    if (!color.matches("[0-9a-fA-F]{6}")) {
      throw ApiError.invalid("color", "invalid");
    }
    Optional<LabelRec> created =
        call.repo().createLabel(name, color, call.json().path("description").textValue());
    LabelRec label = created.orElseThrow(() -> ApiError.invalid("name", "already_exists"));
    return Reply.created(call.shapes().label(call.repo(), label));
  }

  private static Reply get(Call call) {
    LabelRec label = call.repo().label(call.param("name")).orElseThrow(ApiError::notFound);
    return Reply.ok(call.shapes().label(call.repo(), label));
  }

  private static Reply listOnIssue(Call call) {
    IssueRec issue = IssueRoutes.issueOr404(call);
    return Paging.page(call, issue.labels(), n -> call.shapes().label(call.repo(), call.repo().ensureLabel(n)));
  }

  private static Reply add(Call call) {
    call.require(Role.TRIAGE);
    IssueRoutes.issueOr404(call);
    IssueRec issue = call.repo().addLabels(call.intParam("issue_number"), requested(call)).orElseThrow();
    return Reply.ok(call.shapes().labels(call.repo(), issue));
  }

  private static Reply set(Call call) {
    call.require(Role.TRIAGE);
    IssueRoutes.issueOr404(call);
    IssueRec issue = call.repo().setLabels(call.intParam("issue_number"), requested(call)).orElseThrow();
    return Reply.ok(call.shapes().labels(call.repo(), issue));
  }

  private static Reply remove(Call call) {
    call.require(Role.TRIAGE);
    IssueRec issue = IssueRoutes.issueOr404(call);
    String name = call.param("name");
    if (!issue.hasLabel(name)) {
      throw ApiError.status(404, "Label does not exist");
    }
    IssueRec updated = call.repo().removeLabel(issue.number(), name).orElseThrow();
    ArrayNode labels = call.shapes().labels(call.repo(), updated);
    return Reply.ok(labels);
  }

  /** Accepts every body form GitHub does: {@code {"labels": [...]}}, a bare array, names or label objects. */
  private static List<String> requested(Call call) {
    JsonNode body = call.json();
    JsonNode labels = body.isArray() ? body : body.path("labels");
    if (!labels.isArray()) {
      throw ApiError.invalid("labels", "missing_field");
    }
    return IssueRoutes.labelNames(labels);
  }
}
