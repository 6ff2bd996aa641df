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
