package dev.aegis.testkit.github;

import com.fasterxml.jackson.databind.JsonNode;
import dev.aegis.testkit.github.Records.IssueRec;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;

/** Issues: list (with GitHub's server-side filters), create, get, update. Pull requests are issues too. */
final class IssueRoutes {
  private IssueRoutes() {}

  static void register(Router router) {
    String issues = "/repos/{owner}/{repo}/issues";
    router.add("GET", issues, IssueRoutes::list);
    router.add("POST", issues, IssueRoutes::create);
    router.add("GET", issues + "/{issue_number}", IssueRoutes::get);
    router.add("PATCH", issues + "/{issue_number}", IssueRoutes::update);
  }

  static IssueRec issueOr404(Call call) {
    return call.repo().issue(call.intParam("issue_number")).orElseThrow(ApiError::notFound);
  }

  static List<String> labelNames(JsonNode labels) {
    List<String> names = new ArrayList<>();
    for (JsonNode label : labels) {
      names.add(label.isObject() ? label.path("name").asText() : label.asText());
    }
    return names;
  }

  static Instant since(Call call) {
    String since = call.query("since", null);
    if (since == null) {
      return null;
    }
    try {
      return Instant.parse(since);
    } catch (DateTimeParseException e) {
      throw ApiError.invalid("since", "invalid");
    }
  }

  private static Reply list(Call call) {
    String state = call.query("state", "open");
    List<String> wanted = Arrays.stream(call.query("labels", "").split(","))
        .map(String::trim).filter(s -> !s.isEmpty()).toList();
    Instant since = since(call);
    Comparator<IssueRec> order = switch (call.query("sort", "created")) {
      case "updated" -> Comparator.comparing(IssueRec::updatedAt);
      case "comments" -> Comparator.comparing(i -> call.repo().comments(i.number()).size());
      default -> Comparator.comparing(IssueRec::createdAt);
    };
    order = order.thenComparing(IssueRec::number);
    if (!"asc".equals(call.query("direction", "desc"))) {
      order = order.reversed();
    }
    List<IssueRec> matching = call.repo().issues().stream()
        .filter(i -> "all".equals(state) || i.state().equals(state))
        .filter(i -> wanted.stream().allMatch(i::hasLabel))
        .filter(i -> since == null || !i.updatedAt().isBefore(since))
        .sorted(order)
        .toList();
    return Paging.page(call, matching, i -> call.shapes().issue(call.repo(), i));
  }

  private static Reply create(Call call) {
    String title = call.requiredText("title");
    JsonNode body = call.json();
    boolean triage = call.repo().role(call.caller().login()).atLeast(Role.TRIAGE);
    List<String> labels = triage ? labelNames(body.path("labels")) : List.of();
    IssueRec issue = call.repo().createIssue(
        title, body.path("body").textValue(), labels, call.caller().login(), null);
    return Reply.created(call.shapes().issue(call.repo(), issue));
  }

  private static Reply get(Call call) {
    return Reply.ok(call.shapes().issue(call.repo(), issueOr404(call)));
  }

  private static Reply update(Call call) {
    IssueRec issue = issueOr404(call);
    if (!call.callerIs(issue.author())) {
      call.require(Role.TRIAGE);
    }
    JsonNode body = call.json();
    String state = body.path("state").asText(issue.state());
    if (!state.equals("open") && !state.equals("closed")) {
      throw ApiError.invalid("state", "invalid");
    }
    String title = body.has("title") ? body.path("title").asText() : issue.title();
    String text = body.has("body") ? body.path("body").textValue() : issue.body();
    IssueRec updated = call.repo()
        .updateIssue(issue.number(), i -> i.edited(title, text, state, call.repo().now()))
        .orElseThrow(ApiError::notFound);
    if (body.has("labels")) {
      updated = call.repo().setLabels(issue.number(), labelNames(body.path("labels"))).orElseThrow();
    }
    return Reply.ok(call.shapes().issue(call.repo(), updated));
  }
}
