package dev.aegis.core.tracker.memory;

import dev.aegis.core.tracker.Author;
import dev.aegis.core.tracker.Issue;
import dev.aegis.core.tracker.IssueComment;
import dev.aegis.core.tracker.IssueKey;
import dev.aegis.core.tracker.Permission;
import dev.aegis.core.tracker.Phase;
import dev.aegis.core.tracker.Reaction;
import dev.aegis.core.tracker.Tracker;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * A tracker held in memory, with GitHub's label semantics. It is the built-in demo tracker of
 * {@code aegis pickup --dry-run --demo} and {@code aegis demo} (no credentials, no network), and a
 * convenient stand-in in unit tests. Thread-safe.
 */
public final class InMemoryTracker implements Tracker {
  private final Author self;
  private final String readyLabel;
  private final String bugLabel;
  private final Clock clock;
  private final Map<IssueKey, Issue> issues = new LinkedHashMap<>();
  private final Map<IssueKey, List<IssueComment>> comments = new HashMap<>();
  private final Map<String, Permission> permissions = new HashMap<>();
  private final Map<String, List<Reaction>> reactions = new HashMap<>();
  private int nextComment = 1;

  public InMemoryTracker(Author self, String readyLabel, String bugLabel, Clock clock) {
    this.self = Objects.requireNonNull(self, "self");
    this.readyLabel = Objects.requireNonNull(readyLabel, "readyLabel");
    this.bugLabel = Objects.requireNonNull(bugLabel, "bugLabel");
    this.clock = Objects.requireNonNull(clock, "clock");
  }

  /** Adds or replaces an issue. */
  public synchronized void put(Issue issue) {
    issues.put(issue.key(), issue);
    comments.computeIfAbsent(issue.key(), k -> new ArrayList<>());
  }

  /** Adds a comment written by someone other than Aegis. */
  public synchronized IssueComment addCommentBy(IssueKey key, Author author, String body) {
    Instant now = clock.instant();
    IssueComment c = new IssueComment(Integer.toString(nextComment++), author, body, now, now);
    commentsOf(key).add(c);
    touch(key);
    return c;
  }

  /** Grants a login a repository permission. */
  public synchronized void grant(String login, Permission permission) {
    permissions.put(login.toLowerCase(java.util.Locale.ROOT), permission);
  }

  /** Reactions put on a comment, in order. */
  public synchronized List<Reaction> reactionsOn(String commentId) {
    return List.copyOf(reactions.getOrDefault(commentId, List.of()));
  }

  @Override
  public String kind() {
    return "github";
  }

  @Override
  public Author self() {
    return self;
  }

  @Override
  public synchronized List<Issue> readyIssues() {
    return issues.values().stream()
        .filter(i -> "open".equals(i.state()) && i.hasLabel(readyLabel) && i.hasLabel(bugLabel))
        .sorted(Comparator.comparing(Issue::createdAt))
        .toList();
  }

  @Override
  public Optional<String> notReady(Issue issue) {
    return Tracker.notLabelledReady(issue, bugLabel, readyLabel);
  }

  @Override
  public synchronized List<Issue> issuesIn(Phase phase) {
    return issues.values().stream()
        .filter(i -> "open".equals(i.state()) && phase.label() != null && i.hasLabel(phase.label()))
        .toList();
  }

  @Override
  public synchronized Optional<Issue> issue(IssueKey key) {
    return Optional.ofNullable(issues.get(key));
  }

  @Override
  public synchronized List<IssueComment> comments(IssueKey key) {
    return List.copyOf(commentsOf(key));
  }

  @Override
  public synchronized List<KeyedComment> commentsSince(Instant since) {
    List<KeyedComment> out = new ArrayList<>();
    comments.forEach((key, list) -> list.stream()
        .filter(c -> !c.updatedAt().isBefore(since))
        .forEach(c -> out.add(new KeyedComment(key, c))));
    out.sort(Comparator.comparing(k -> k.comment().createdAt()));
    return out;
  }

  @Override
  public synchronized IssueComment addComment(IssueKey key, String body) {
    return addCommentBy(key, self, body);
  }

  @Override
  public synchronized void editComment(IssueKey key, String commentId, String body) {
    List<IssueComment> list = commentsOf(key);
    for (int i = 0; i < list.size(); i++) {
      IssueComment c = list.get(i);
      if (c.id().equals(commentId)) {
        list.set(i, new IssueComment(c.id(), c.author(), body, c.createdAt(), clock.instant()));
        touch(key);
        return;
      }
    }
    throw new IllegalArgumentException("no comment " + commentId + " on " + key.display());
  }

  @Override
  public synchronized void setPhase(IssueKey key, Phase phase) {
    Issue i = existing(key);
    List<String> labels = new ArrayList<>(i.labels());
    labels.removeIf(l -> l.startsWith("aegis:"));
    if (phase.label() != null) {
      labels.add(phase.label());
    }
    replaceLabels(i, labels);
  }

  @Override
  public synchronized void withdrawReady(IssueKey key) {
    Issue i = existing(key);
    List<String> labels = new ArrayList<>(i.labels());
    labels.removeIf(l -> l.equalsIgnoreCase(readyLabel));
    replaceLabels(i, labels);
  }

  @Override
  public synchronized Permission permission(IssueKey key, String login) {
    return permissions.getOrDefault(login.toLowerCase(java.util.Locale.ROOT), Permission.NONE);
  }

  @Override
  public synchronized void react(IssueKey key, String commentId, Reaction reaction) {
    reactions.computeIfAbsent(commentId, k -> new ArrayList<>()).add(reaction);
  }

  private Issue existing(IssueKey key) {
    Issue i = issues.get(key);
    if (i == null) {
      throw new IllegalArgumentException("no issue " + key.display());
    }
    return i;
  }

  private List<IssueComment> commentsOf(IssueKey key) {
    existing(key);
    return comments.computeIfAbsent(key, k -> new ArrayList<>());
  }

  private void replaceLabels(Issue i, List<String> labels) {
    issues.put(i.key(), new Issue(i.key(), i.title(), i.body(), labels, i.state(), i.author(),
        i.createdAt(), clock.instant(), i.url()));
  }

  private void touch(IssueKey key) {
    Issue i = issues.get(key);
    replaceLabels(i, i.labels());
  }
}
