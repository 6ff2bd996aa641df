package dev.aegis.core.tracker;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * An issue tracker (GitHub Issues, Linear) seen through what Aegis needs: find ready bugs, read and write
 * comments, move an issue between {@link Phase phases}, and check who may command Aegis.
 *
 * <p>Implementations talk to a remote service; every method may throw {@link TrackerException} with the
 * HTTP status and URL of the failed call. Listings are filtered server-side and paged (never one request per
 * open issue).
 */
public interface Tracker {

  /** The tracker kind used in {@link IssueKey#tracker()}: {@code github} or {@code linear}. */
  String kind();

  /** The identity Aegis writes as; comments by it are Aegis's own and never treated as commands. */
  Author self();

  /**
   * Learns who the credentials write as, before a job writes anything, and from then on {@link #self()} answers
   * that identity and every comment Aegis writes is checked to be authored by it. Maintainer tools, which read
   * Aegis's comments with someone else's token, never call it. The default trusts {@link #self()}.
   *
   * @throws IdentityException when the configured identity disagrees with the tracker's answer
   */
  default Author identify() {
    return self();
  }

  /** Open issues carrying the configured ready signal and bug marker, oldest first. */
  List<Issue> readyIssues();

  /** Open issues currently in a phase (for {@code runs} and stale recovery). */
  List<Issue> issuesIn(Phase phase);

  /** One issue, or empty when it does not exist (deleted, transferred, or never existed). */
  Optional<Issue> issue(IssueKey key);

  /** All comments of an issue, oldest first. */
  List<IssueComment> comments(IssueKey key);

  /** Comments on any issue created or edited at or after {@code since}, oldest first (for polling hosts). */
  List<KeyedComment> commentsSince(Instant since);

  /** Adds a comment and returns it as stored. */
  IssueComment addComment(IssueKey key, String body);

  /** Replaces the body of a comment Aegis wrote. */
  void editComment(IssueKey key, String commentId, String body);

  /** Moves the issue to {@code phase}, leaving the issue's other (non-Aegis) labels alone. */
  void setPhase(IssueKey key, Phase phase);

  /** Removes the ready signal (for example when a maintainer stops a run). */
  void withdrawReady(IssueKey key);

  /** The repository permission of {@code login} as relevant to commanding Aegis on {@code key}. */
  Permission permission(IssueKey key, String login);

  /** Puts a reaction on a comment to acknowledge it. */
  void react(IssueKey key, String commentId, Reaction reaction);

  /**
   * Why {@code issue}, named directly (an event, {@code --issue}), is not a ready bug, or empty when it is one: it
   * is closed, or lacks the ready signal or the bug marker. The default asks {@link #readyIssues()}; adapters
   * override it with a check that needs no request.
   */
  default Optional<String> notReady(Issue issue) {
    if (readyIssues().stream().anyMatch(i -> i.key().equals(issue.key()))) {
      return Optional.empty();
    }
    return Optional.of("not an open issue carrying the ready signal and the bug marker");
  }

  /**
   * GitHub's readiness rule, for adapters with label semantics: open, and labelled {@code bugLabel} and {@code
   * readyLabel}; otherwise why not.
   */
  static Optional<String> notLabelledReady(Issue issue, String bugLabel, String readyLabel) {
    if (!"open".equalsIgnoreCase(issue.state())) {
      return Optional.of("issue is " + issue.state());
    }
    if (!issue.hasLabel(bugLabel) || !issue.hasLabel(readyLabel)) {
      return Optional.of("not labelled '" + bugLabel + "' and '" + readyLabel + "'");
    }
    return Optional.empty();
  }

  /**
   * The {@link Phase} an issue shows, read from what {@link #readyIssues()} and {@link #issue} returned (no
   * request). The default reads GitHub's {@code aegis:*} labels ({@link Phase#label()}).
   */
  default Phase phaseOf(Issue issue) {
    for (Phase p : Phase.values()) {
      if (p != Phase.NONE && issue.hasLabel(p.label())) {
        return p;
      }
    }
    return Phase.NONE;
  }

  /**
   * True when the issue shows exactly {@code phase} and no other (so {@link #setPhase} would change nothing). The
   * default checks GitHub's {@code aegis:*} labels.
   */
  default boolean inPhase(Issue issue, Phase phase) {
    for (Phase p : Phase.values()) {
      if (p.label() != null && issue.hasLabel(p.label()) != (p == phase)) {
        return false;
      }
    }
    return true;
  }

  /**
   * Links the pull request that fixes {@code key} from the issue, when the tracker does not learn about it from
   * the pull request itself. The default does nothing: GitHub links {@code Fixes #N} on its own.
   *
   * @param url the pull request's web address
   * @param title what the link shows, for example {@code PR #42: fix: checkout crash}
   */
  default void linkPullRequest(IssueKey key, String url, String title) {}

  /**
   * Where this tracker keeps Aegis's records (run state, notes) verbatim, when its comment bodies do not keep a hidden
   * HTML block. Empty, the default, means they do (GitHub): Aegis then keeps its state in hidden blocks of its own
   * comments. Linear drops HTML from comments and keeps records as issue attachments instead.
   */
  default Optional<IssueRecords> records() {
    return Optional.empty();
  }

  /**
   * The names of the labels this tracker offers (GitHub: the repository's labels), for {@code aegis status}.
   * Empty when this tracker cannot list them; the default, so trackers without labels need not care.
   */
  default Optional<List<String>> labelNames() {
    return Optional.empty();
  }

  /**
   * Who the credentials act as, as the tracker reports it (GitHub: {@code GET /user}), for {@code aegis status}.
   * Empty when the tracker cannot tell, which is not an error: GitHub refuses {@code GET /user} to app
   * installation tokens, the Actions {@code GITHUB_TOKEN} among them. Refused credentials still throw.
   */
  default Optional<Author> credentialsOwner() {
    return Optional.empty();
  }

  /** A comment together with the issue it belongs to. */
  record KeyedComment(IssueKey issue, IssueComment comment) {}
}
