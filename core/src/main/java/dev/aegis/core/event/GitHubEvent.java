package dev.aegis.core.event;

import java.util.Map;
import java.util.Objects;

/**
 * The parts of a GitHub event Aegis acts on. Built by {@link GitHubEvents#parse(String, String)} from the
 * payload Actions hands the job ({@code GITHUB_EVENT_PATH}) or a webhook delivers.
 */
public sealed interface GitHubEvent {

  /** The event name, as in {@code GITHUB_EVENT_NAME} or the {@code X-GitHub-Event} header. */
  String name();

  /**
   * An {@code issues} event.
   *
   * @param action opened, labeled, edited, ...
   * @param number issue number
   * @param sender who caused it
   */
  record IssuesEvent(String action, int number, Sender sender) implements GitHubEvent {
    public IssuesEvent {
      Objects.requireNonNull(action, "action");
      Objects.requireNonNull(sender, "sender");
    }

    @Override
    public String name() {
      return "issues";
    }
  }

  /**
   * An {@code issue_comment} event.
   *
   * @param action created, edited, deleted
   * @param number issue (or pull request) number
   * @param onPullRequest true when the comment is on a pull request
   * @param commentId the comment's id
   * @param body the comment body exactly as delivered (raw, untrusted)
   * @param author the comment's author
   * @param issueLabels the labels the issue carried when the comment was made
   */
  record IssueCommentEvent(
      String action, int number, boolean onPullRequest, String commentId, String body, Sender author,
      java.util.List<String> issueLabels)
      implements GitHubEvent {
    public IssueCommentEvent {
      Objects.requireNonNull(action, "action");
      Objects.requireNonNull(commentId, "commentId");
      body = Objects.requireNonNullElse(body, "");
      Objects.requireNonNull(author, "author");
      issueLabels = java.util.List.copyOf(issueLabels);
    }

    @Override
    public String name() {
      return "issue_comment";
    }
  }

  /** A {@code schedule} event. */
  record ScheduleEvent(String cron) implements GitHubEvent {
    @Override
    public String name() {
      return "schedule";
    }
  }

  /** A {@code workflow_dispatch} event with its inputs. */
  record WorkflowDispatchEvent(Map<String, String> inputs) implements GitHubEvent {
    public WorkflowDispatchEvent {
      inputs = Map.copyOf(inputs);
    }

    @Override
    public String name() {
      return "workflow_dispatch";
    }
  }

  /** Any other event: Aegis does nothing with it. */
  record OtherEvent(String name) implements GitHubEvent {}

  /**
   * Who sent an event or wrote a comment.
   *
   * @param login account login
   * @param bot true for {@code type: Bot} accounts (apps, github-actions[bot])
   */
  record Sender(String login, boolean bot) {
    public Sender {
      Objects.requireNonNull(login, "login");
    }
  }
}
