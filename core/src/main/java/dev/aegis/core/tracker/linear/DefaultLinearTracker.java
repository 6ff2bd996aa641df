package dev.aegis.core.tracker.linear;

import com.fasterxml.jackson.databind.JsonNode;
import dev.aegis.core.json.Mappers;
import dev.aegis.core.tracker.Author;
import dev.aegis.core.tracker.Issue;
import dev.aegis.core.tracker.IssueComment;
import dev.aegis.core.tracker.IssueKey;
import dev.aegis.core.tracker.IssueRecords;
import dev.aegis.core.tracker.Permission;
import dev.aegis.core.tracker.Phase;
import dev.aegis.core.tracker.Reaction;
import dev.aegis.core.tracker.TrackerException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/** {@link LinearTracker} over Linear's GraphQL API. */
final class DefaultLinearTracker implements LinearTracker {
  private static final Comparator<Issue> OLDEST_FIRST =
      Comparator.comparing(Issue::createdAt).thenComparing(i -> i.key().id());

  private final LinearSettings settings;
  private final LinearGraphQl graphQl;
  private final Pages pages;
  private final LinearCatalog catalog;
  private final LinearPeople people;
  private final LinearRecords records;
  private final Map<String, String> issueIds = new ConcurrentHashMap<>();

  DefaultLinearTracker(LinearSettings settings, LinearRuntime runtime) {
    this.settings = Objects.requireNonNull(settings, "settings");
    this.graphQl = new LinearGraphQl(settings.connection(), runtime, Mappers.JSON);
    this.pages = new Pages(graphQl, runtime.pageSize(), settings.connection().endpoint().toString());
    this.catalog = new LinearCatalog(settings, pages);
    this.people = new LinearPeople(settings, graphQl, pages);
    this.records = new LinearRecords(graphQl, pages, people, settings.connection());
  }

  @Override
  public String kind() {
    return LinearMapping.KIND;
  }

  @Override
  public LinearTeam team() {
    return catalog.get().team();
  }

  /** Linear drops HTML from comment bodies: Aegis's state goes into issue attachments ({@link LinearRecords}). */
  @Override
  public Optional<IssueRecords> records() {
    return Optional.of(records);
  }

  @Override
  public Author self() {
    return people.self();
  }

  @Override
  public List<Issue> readyIssues() {
    return issues(LinearFilters.ready(catalog.get()));
  }

  @Override
  public List<Issue> issuesIn(Phase phase) {
    if (phase == Phase.NONE) {
      throw new IllegalArgumentException("issues in no phase are not listed; use readyIssues()");
    }
    LinearCatalog.Loaded ids = catalog.get();
    return issues(LinearFilters.phase(ids.team().id(), ids.phaseLabelIds().get(phase), ids.phaseStateIds()
        .get(phase)));
  }

  @Override
  public Optional<Issue> issue(IssueKey key) {
    return issueNode(key).map(LinearMapping::issue);
  }

  @Override
  public List<IssueComment> comments(IssueKey key) {
    return pages.all(Operation.ISSUE_COMMENTS, Map.of("id", id(key)), "/issue/comments").stream()
        .map(LinearMapping::comment)
        .sorted(Comparator.comparing(IssueComment::createdAt))
        .toList();
  }

  @Override
  public List<KeyedComment> commentsSince(Instant since) {
    Map<String, Object> filter = LinearFilters.commentsSince(catalog.get().team().id(), since);
    return pages.all(Operation.COMMENTS_SINCE, Map.of("filter", filter), "/comments").stream()
        .filter(c -> c.path("issue").hasNonNull("identifier"))
        .map(c -> new KeyedComment(
            new IssueKey(LinearMapping.KIND, c.path("issue").path("identifier").asText()), LinearMapping.comment(c)))
        .sorted(Comparator.comparing((KeyedComment k) -> k.comment().updatedAt())
            .thenComparing(k -> k.comment().createdAt()))
        .toList();
  }

  @Override
  public IssueComment addComment(IssueKey key, String body) {
    Map<String, Object> input = Map.of("issueId", id(key), "body", Objects.requireNonNull(body, "body"));
    JsonNode payload = graphQl.call(Operation.COMMENT_CREATE, Map.of("input", input)).path("commentCreate");
    return LinearMapping.comment(succeeded(payload, Operation.COMMENT_CREATE).path("comment"));
  }

  @Override
  public void editComment(IssueKey key, String commentId, String body) {
    Map<String, Object> variables = Map.of(
        "id", Objects.requireNonNull(commentId, "commentId"),
        "input", Map.of("body", Objects.requireNonNull(body, "body")));
    succeeded(graphQl.call(Operation.COMMENT_UPDATE, variables).path("commentUpdate"), Operation.COMMENT_UPDATE);
  }

  @Override
  public void setPhase(IssueKey key, Phase phase) {
    LinearCatalog.Loaded ids = catalog.get();
    Map<String, Object> input = new LinkedHashMap<>();
    List<String> added = new ArrayList<>();
    if (phase != Phase.NONE) {
      putIfPresent(input, "stateId", ids.phaseStateIds().get(phase));
      if (ids.phaseLabelIds().get(phase) != null) {
        added.add(ids.phaseLabelIds().get(phase));
      }
    }
    List<String> removed = ids.phaseLabelIds().values().stream()
        .filter(Objects::nonNull)
        .filter(id -> !added.contains(id))
        .distinct()
        .toList();
    updateIssue(key, input, added, removed);
  }

  @Override
  public void withdrawReady(IssueKey key) {
    LinearCatalog.Loaded ids = catalog.get();
    Map<String, Object> input = new LinkedHashMap<>();
    if (ids.readyStateId() != null && ids.withdrawStateId() != null) {
      Optional<JsonNode> node = issueNode(key);
      if (node.isPresent() && ids.readyStateId().equals(node.get().path("state").path("id").asText())) {
        input.put("stateId", ids.withdrawStateId());
      }
    }
    List<String> removed = ids.readyLabelId() == null ? List.of() : List.of(ids.readyLabelId());
    updateIssue(key, input, List.of(), removed);
  }

  @Override
  public Optional<String> notReady(Issue issue) {
    LinearCatalog.Loaded ids = catalog.get();
    if (ids.closed(issue.state())) {
      return Optional.of("issue is " + issue.state());
    }
    List<String> missing = new ArrayList<>();
    if (!hasLabel(issue, settings.bugLabel())) {
      missing.add("labelled '" + settings.bugLabel() + "'");
    }
    if (settings.readyLabel() != null && !hasLabel(issue, settings.readyLabel())) {
      missing.add("labelled '" + settings.readyLabel() + "'");
    }
    if (settings.readyState() != null && !issue.state().equalsIgnoreCase(settings.readyState())) {
      missing.add("in state '" + settings.readyState() + "'");
    }
    return missing.isEmpty() ? Optional.empty() : Optional.of("not " + String.join(" and ", missing));
  }

  @Override
  public Phase phaseOf(Issue issue) {
    for (Phase phase : Phase.values()) {
      if (phase != Phase.NONE && shows(issue, settings.target(phase))) {
        return phase;
      }
    }
    return Phase.NONE;
  }

  /**
   * Checks the phase labels only: Aegis restores its own labels, never a workflow state, so people (and Linear's
   * GitHub integration, which moves merged issues to Done) may move the issue freely. A phase with a state and no
   * label counts as shown.
   */
  @Override
  public boolean inPhase(Issue issue, Phase phase) {
    for (Phase p : Phase.values()) {
      String label = p == Phase.NONE ? null : settings.target(p).label();
      if (label != null && hasLabel(issue, label) != (p == phase)) {
        return false;
      }
    }
    return true;
  }

  /** A phase's label when it has one (only Aegis sets those), else its workflow state. */
  private static boolean shows(Issue issue, PhaseTarget target) {
    return target.label() != null
        ? hasLabel(issue, target.label())
        : issue.state().equalsIgnoreCase(target.state());
  }

  /** A label proper: {@link Issue#labels()} ends with the workflow state's name, which is not a label. */
  private static boolean hasLabel(Issue issue, String name) {
    List<String> labels = issue.labels();
    int count = labels.isEmpty() || issue.state().isEmpty() ? labels.size() : labels.size() - 1;
    return labels.subList(0, count).stream().anyMatch(l -> l.equalsIgnoreCase(name));
  }

  @Override
  public Permission permission(IssueKey key, String login) {
    return people.isApprover(login) ? Permission.WRITE : Permission.NONE;
  }

  @Override
  public void react(IssueKey key, String commentId, Reaction reaction) {
    Map<String, Object> input = Map.of(
        "commentId", Objects.requireNonNull(commentId, "commentId"), "emoji", emoji(reaction));
    succeeded(graphQl.call(Operation.REACTION_CREATE, Map.of("input", input)).path("reactionCreate"),
        Operation.REACTION_CREATE);
  }

  @Override
  public void linkPullRequest(IssueKey key, String url, String title) {
    Map<String, Object> input = Map.of(
        "issueId", uuid(key),
        "url", Objects.requireNonNull(url, "url"),
        "title", Objects.requireNonNull(title, "title"),
        "subtitle", "Pull request opened by Aegis");
    succeeded(graphQl.call(Operation.ATTACHMENT_CREATE, Map.of("input", input)).path("attachmentCreate"),
        Operation.ATTACHMENT_CREATE);
  }

  /**
   * Linear stores standard emoji by name and accepts the emoji itself; these are the characters for the
   * seam's reactions.
   */
  static String emoji(Reaction reaction) {
    return switch (reaction) {
      case EYES -> "\uD83D\uDC40";
      case THUMBS_UP -> "\uD83D\uDC4D";
      case CONFUSED -> "\uD83D\uDE15";
      case ROCKET -> "\uD83D\uDE80";
    };
  }

  private List<Issue> issues(Map<String, Object> filter) {
    List<Issue> found = new ArrayList<>();
    for (JsonNode node : pages.all(Operation.ISSUES, Map.of("filter", filter), "/issues")) {
      remember(node);
      found.add(LinearMapping.issue(node));
    }
    found.sort(OLDEST_FIRST);
    return List.copyOf(found);
  }

  /** The issue's JSON, or empty when it is deleted, in the trash, or now belongs to another team. */
  private Optional<JsonNode> issueNode(IssueKey key) {
    JsonNode node;
    try {
      node = graphQl.call(Operation.ISSUE, Map.of("id", id(key))).path("issue");
    } catch (TrackerException e) {
      if (e.status() == 404) {
        return Optional.empty();
      }
      throw e;
    }
    if (!node.isObject() || node.path("trashed").asBoolean(false)
        || !catalog.get().team().id().equals(node.path("team").path("id").asText())) {
      return Optional.empty();
    }
    remember(node);
    return Optional.of(node);
  }

  private void updateIssue(IssueKey key, Map<String, Object> input, List<String> added, List<String> removed) {
    if (!added.isEmpty()) {
      input.put("addedLabelIds", added);
    }
    if (!removed.isEmpty()) {
      input.put("removedLabelIds", removed);
    }
    if (input.isEmpty()) {
      return;
    }
    Map<String, Object> variables = new HashMap<>();
    variables.put("id", uuid(key));
    variables.put("input", input);
    succeeded(graphQl.call(Operation.ISSUE_UPDATE, variables).path("issueUpdate"), Operation.ISSUE_UPDATE);
  }

  /** The issue's UUID, learned from earlier reads or looked up once. */
  private String uuid(IssueKey key) {
    String known = issueIds.get(id(key));
    if (known != null) {
      return known;
    }
    return issueNode(key).map(n -> n.path("id").asText()).orElseThrow(() -> new TrackerException(
        "Linear issue " + key.id() + " does not exist any more (deleted, or moved to another team)", 404,
        settings.connection().endpoint().toString()));
  }

  private void remember(JsonNode node) {
    issueIds.put(node.path("identifier").asText(), node.path("id").asText());
  }

  private static String id(IssueKey key) {
    if (!LinearMapping.KIND.equals(key.tracker())) {
      throw new IllegalArgumentException("not a Linear issue: " + key.display());
    }
    return key.id();
  }

  private JsonNode succeeded(JsonNode payload, Operation operation) {
    if (!payload.path("success").asBoolean(false)) {
      throw new TrackerException("Linear reported no success while " + operation.purpose(), 502,
          settings.connection().endpoint().toString());
    }
    return payload;
  }

  private static void putIfPresent(Map<String, Object> map, String key, String value) {
    if (value != null) {
      map.put(key, value);
    }
  }
}
