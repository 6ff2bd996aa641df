package dev.aegis.testkit.github;

import dev.aegis.testkit.github.Records.CommentRec;
import dev.aegis.testkit.github.Records.IssueRec;
import dev.aegis.testkit.github.Records.LabelRec;
import dev.aegis.testkit.github.Records.PullRec;
import dev.aegis.testkit.github.Records.ReactionRec;
import dev.aegis.testkit.github.Records.VariableRec;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.UnaryOperator;

/**
 * Everything one fake repository holds besides git data: issues and pull requests, labels, comments,
 * reactions, collaborator roles and Actions variables. All methods are atomic (synchronized); records out are
 * snapshots.
 */
final class RepoState {
  private final long id;
  private final String owner;
  private final String name;
  private final GitStore git;
  private final Instant createdAt;
  private final AtomicLong ids;
  private final Clock clock;

  private final Map<Integer, IssueRec> issues = new TreeMap<>();
  private final Map<Long, CommentRec> comments = new LinkedHashMap<>();
  private final Map<String, LabelRec> labels = new LinkedHashMap<>();
  private final List<ReactionRec> reactions = new ArrayList<>();
  private final Map<String, Role> roles = new LinkedHashMap<>();
  private final Map<String, VariableRec> variables = new TreeMap<>();
  private final java.util.Set<String> secretNames = new java.util.TreeSet<>();
  private int lastNumber;
  private volatile boolean hidden;
  private volatile boolean actionsMayCreatePullRequests = true;

  RepoState(String owner, String name, GitStore git, AtomicLong ids, Clock clock) {
    this.id = ids.incrementAndGet();
    this.owner = owner;
    this.name = name;
    this.git = git;
    this.ids = ids;
    this.clock = clock;
    this.createdAt = now();
    roles.put(owner.toLowerCase(Locale.ROOT), Role.ADMIN);
  }

  long id() {
    return id;
  }

  String owner() {
    return owner;
  }

  String name() {
    return name;
  }

  String fullName() {
    return owner + "/" + name;
  }

  GitStore git() {
    return git;
  }

  Instant createdAt() {
    return createdAt;
  }

  Instant now() {
    return clock.instant().truncatedTo(ChronoUnit.SECONDS);
  }

  // ---- issues and pull requests

  synchronized IssueRec createIssue(String title, String body, List<String> labelNames, String author,
      PullRec pull) {
    Instant now = now();
    List<String> names = labelNames.stream().map(n -> ensureLabel(n).name()).distinct().toList();
    IssueRec issue = new IssueRec(
        ids.incrementAndGet(), ++lastNumber, title, body, "open", names, author, now, now, null, pull);
    issues.put(issue.number(), issue);
    return issue;
  }

  /** Stores an issue as a webhook payload describes it, keeping its number and id; replaces one seeded before. */
  synchronized IssueRec seedIssue(IssueRec issue) {
    issue.labels().forEach(this::ensureLabel);
    issues.put(issue.number(), issue);
    lastNumber = Math.max(lastNumber, issue.number());
    ids.accumulateAndGet(issue.id(), Math::max);
    return issue;
  }

  /** Stores a comment as a webhook payload describes it, keeping its id. */
  synchronized CommentRec seedComment(CommentRec comment) {
    comments.put(comment.id(), comment);
    ids.accumulateAndGet(comment.id(), Math::max);
    return comment;
  }

  synchronized Optional<IssueRec> issue(int number) {
    return Optional.ofNullable(issues.get(number));
  }

  synchronized List<IssueRec> issues() {
    return List.copyOf(issues.values());
  }

  /** Applies {@code change} to issue {@code number}; empty when there is no such issue. */
  synchronized Optional<IssueRec> updateIssue(int number, UnaryOperator<IssueRec> change) {
    IssueRec old = issues.get(number);
    if (old == null) {
      return Optional.empty();
    }
    IssueRec updated = change.apply(old);
    issues.put(number, updated);
    return Optional.of(updated);
  }

  synchronized Optional<IssueRec> addLabels(int number, List<String> names) {
    return updateIssue(number, issue -> {
      List<String> merged = new ArrayList<>(issue.labels());
      for (String n : names) {
        LabelRec label = ensureLabel(n);
        if (!issue.hasLabel(label.name())) {
          merged.add(label.name());
        }
      }
      return issue.withLabels(merged, now());
    });
  }

  synchronized Optional<IssueRec> setLabels(int number, List<String> names) {
    return updateIssue(number, issue -> issue.withLabels(
        names.stream().map(n -> ensureLabel(n).name()).distinct().toList(), now()));
  }

  synchronized Optional<IssueRec> removeLabel(int number, String labelName) {
    return updateIssue(number, issue -> issue.withLabels(
        issue.labels().stream().filter(l -> !l.equalsIgnoreCase(labelName)).toList(), now()));
  }

  // ---- labels

  /** The label called {@code name}, created with GitHub's default colour when missing (as adding one does). */
  synchronized LabelRec ensureLabel(String labelName) {
    return labels.computeIfAbsent(labelName.toLowerCase(Locale.ROOT),
        k -> new LabelRec(ids.incrementAndGet(), labelName, "ededed", null, false));
  }

  /** Creates a label; empty when one with that name (any case) exists. */
  synchronized Optional<LabelRec> createLabel(String labelName, String color, String description) {
    String key = labelName.toLowerCase(Locale.ROOT);
    if (labels.containsKey(key)) {
      return Optional.empty();
    }
    LabelRec label = new LabelRec(ids.incrementAndGet(), labelName, color, description, false);
    labels.put(key, label);
    return Optional.of(label);
  }

  synchronized Optional<LabelRec> label(String labelName) {
    return Optional.ofNullable(labels.get(labelName.toLowerCase(Locale.ROOT)));
  }

  synchronized List<LabelRec> labels() {
    return List.copyOf(labels.values());
  }

  // ---- comments and reactions

  synchronized Optional<CommentRec> addComment(int number, String author, String body) {
    if (!issues.containsKey(number)) {
      return Optional.empty();
    }
    Instant now = now();
    CommentRec comment = new CommentRec(ids.incrementAndGet(), number, author, body, now, now);
    comments.put(comment.id(), comment);
    updateIssue(number, issue -> issue.touched(now));
    return Optional.of(comment);
  }

  synchronized Optional<CommentRec> comment(long commentId) {
    return Optional.ofNullable(comments.get(commentId));
  }

  synchronized Optional<CommentRec> editComment(long commentId, String body) {
    CommentRec old = comments.get(commentId);
    if (old == null) {
      return Optional.empty();
    }
    CommentRec edited = old.edited(body, now());
    comments.put(commentId, edited);
    return Optional.of(edited);
  }

  synchronized boolean deleteComment(long commentId) {
    return comments.remove(commentId) != null;
  }

  synchronized List<CommentRec> comments() {
    return List.copyOf(comments.values());
  }

  synchronized List<CommentRec> comments(int number) {
    return comments.values().stream().filter(c -> c.issue() == number).toList();
  }

  /** Adds a reaction; returns the existing one instead when this user already reacted with that content. */
  synchronized Created<ReactionRec> react(long commentId, String login, String content) {
    for (ReactionRec r : reactions) {
      if (r.comment() == commentId && r.login().equalsIgnoreCase(login) && r.content().equals(content)) {
        return new Created<>(r, false);
      }
    }
    ReactionRec reaction = new ReactionRec(ids.incrementAndGet(), commentId, login, content, now());
    reactions.add(reaction);
    return new Created<>(reaction, true);
  }

  synchronized List<ReactionRec> reactions(long commentId) {
    return reactions.stream().filter(r -> r.comment() == commentId).toList();
  }

  // ---- collaborators

  synchronized void setRole(String login, Role role) {
    roles.put(login.toLowerCase(Locale.ROOT), role);
  }

  /** The role granted to the login, {@link Role#NONE} when it is not a collaborator. */
  synchronized Role role(String login) {
    return roles.getOrDefault(login.toLowerCase(Locale.ROOT), Role.NONE);
  }

  /** What the login may do: its role, and at least read on a public repository. */
  Role effectiveRole(String login) {
    Role role = role(login);
    return hidden || role.atLeast(Role.READ) ? role : Role.READ;
  }

  boolean isPrivate() {
    return hidden;
  }

  void setPrivate(boolean value) {
    hidden = value;
  }

  /** The setting "Allow GitHub Actions to create and approve pull requests" (Settings > Actions > General). */
  boolean actionsMayCreatePullRequests() {
    return actionsMayCreatePullRequests;
  }

  void setActionsMayCreatePullRequests(boolean value) {
    actionsMayCreatePullRequests = value;
  }

  // ---- Actions variables (names are case-insensitive; GitHub stores them upper case)

  synchronized Optional<VariableRec> variable(String variableName) {
    return Optional.ofNullable(variables.get(variableName.toUpperCase(Locale.ROOT)));
  }

  synchronized List<VariableRec> variables() {
    return List.copyOf(variables.values());
  }

  /** Creates a variable; empty when it already exists. */
  synchronized Optional<VariableRec> createVariable(String variableName, String value) {
    String key = variableName.toUpperCase(Locale.ROOT);
    if (variables.containsKey(key)) {
      return Optional.empty();
    }
    Instant now = now();
    VariableRec variable = new VariableRec(key, value, now, now);
    variables.put(key, variable);
    return Optional.of(variable);
  }

  /** Updates a variable's value; empty when it does not exist. */
  synchronized Optional<VariableRec> updateVariable(String variableName, String value) {
    VariableRec old = variables.get(variableName.toUpperCase(Locale.ROOT));
    if (old == null) {
      return Optional.empty();
    }
    VariableRec updated = new VariableRec(old.name(), value, old.createdAt(), now());
    variables.put(old.name(), updated);
    return Optional.of(updated);
  }

  // ---- Actions secrets: names only (values are write-only on GitHub)

  synchronized List<String> secretNames() {
    return List.copyOf(secretNames);
  }

  synchronized void addSecret(String name) {
    secretNames.add(name.toUpperCase(Locale.ROOT));
  }

  /** A value and whether this call created it. */
  record Created<T>(T value, boolean created) {}
}
