package dev.aegis.core.host;

import dev.aegis.core.command.Command;
import dev.aegis.core.command.Commands;
import dev.aegis.core.event.EventException;
import dev.aegis.core.event.GitHubEvent;
import dev.aegis.core.event.GitHubEvents;
import dev.aegis.core.flow.IncomingComment;
import dev.aegis.core.flow.RunFlow;
import dev.aegis.core.run.Decision;
import dev.aegis.core.tracker.Author;
import dev.aegis.core.tracker.IssueKey;
import dev.aegis.core.tracker.Tracker;
import dev.aegis.core.tracker.Phase;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Set;

/**
 * What {@code aegis action} does: reads the event GitHub Actions describes in the environment and
 * dispatches it. {@code issues} opened/labeled/edited/reopened picks up that issue (and plans it);
 * {@code schedule} and {@code workflow_dispatch} run the scheduled pass; {@code issue_comment} carries
 * commands, and comments by bots and by Aegis itself are ignored before any request, so Aegis's own comments
 * never trigger it again. A malformed event fails before anything is written.
 */
final class ActionDispatch {
  private static final Set<String> PICKUP_ACTIONS = Set.of("opened", "labeled", "edited", "reopened");

  private final Session session;
  private final HostCommands commands;
  private final boolean dispatchOnly;

  ActionDispatch(Session session, HostCommands commands, boolean dispatchOnly) {
    this.session = session;
    this.commands = commands;
    this.dispatchOnly = dispatchOnly;
  }

  HostResult run() {
    GitHubEvent event = readEvent(session.request.environment());
    session.log.line("Event: " + describe(event));
    boolean issueEvent = event instanceof GitHubEvent.IssuesEvent || event instanceof GitHubEvent.IssueCommentEvent;
    if (issueEvent && !session.config.tracks("github")) {
      return ignored("GitHub issues are not a configured tracker (trackers: "
          + String.join(", ", session.config.trackers()) + ")");
    }
    if (event instanceof GitHubEvent.IssuesEvent issues) {
      if (!PICKUP_ACTIONS.contains(issues.action())) {
        return ignored("issues." + issues.action() + " needs nothing from Aegis");
      }
      session.identify();
      return issue(IssueKey.github(issues.number()));
    }
    if (event instanceof GitHubEvent.IssueCommentEvent comment) {
      return comment(comment);
    }
    if (event instanceof GitHubEvent.ScheduleEvent || event instanceof GitHubEvent.WorkflowDispatchEvent) {
      session.identify();
      return commands.scan(dispatchOnly, "Aegis scan");
    }
    return ignored("the " + event.name() + " event is not one Aegis handles");
  }

  private HostResult issue(IssueKey key) {
    if (session.trackerOf(key).issue(key).isEmpty()) {
      return ignored(key.display() + " no longer exists (deleted or transferred)");
    }
    Reports report = commands.reports();
    Decision d = commands.one(key, session.request.dryRun());
    report.add(d);
    if (!session.request.dryRun()) {
      RunFlow flow = commands.flow(key, dispatchOnly);
      if (d.verdict() == Decision.Verdict.CLAIMED) {
        commands.record(report, flow.afterClaim(key));
      } else {
        flow.converge(key).ifPresent(r -> commands.record(report, r));
      }
    }
    return report.finish("Aegis: issue " + key.display(), session.log, "");
  }

  private HostResult comment(GitHubEvent.IssueCommentEvent c) {
    // Bots and the configured (or default) login first, at no cost; then the identity GitHub names.
    Tracker tracker = session.trackerOf(IssueKey.github(c.number()));
    if (c.author().bot() || c.author().login().equalsIgnoreCase(tracker.self().login())) {
      return ignored("comment by " + c.author().login() + " (bots and Aegis itself are ignored)");
    }
    session.identify();
    if (c.author().login().equalsIgnoreCase(tracker.self().login())) {
      return ignored("comment by " + c.author().login() + " (bots and Aegis itself are ignored)");
    }
    if (!"created".equals(c.action())) {
      return ignored("issue_comment." + c.action() + " (only new comments are read)");
    }
    if (Commands.parse(c.body()) instanceof Commands.NotACommand) {
      // A person's reply to Aegis's question may complete the report: check it again right away.
      return c.issueLabels().contains(Phase.NEEDS_INFO.label()) && !c.onPullRequest()
          ? issue(IssueKey.github(c.number()))
          : ignored("the comment has no /aegis command");
    }
    if (c.onPullRequest()) {
      return ignored("commands on pull requests are not supported yet");
    }
    if (session.request.dryRun()) {
      return ignored("dry run: the command would be handled for #" + c.number());
    }
    if (Commands.parse(c.body()) instanceof Commands.Valid v && v.command().verb() != Command.Verb.STOP) {
      session.preflight(); // proceed and ask run the agent; a stop must work even when the model cannot
    }
    Reports report = commands.reports();
    IncomingComment incoming = new IncomingComment(c.commentId(), new Author(c.author().login(), false), c.body());
    IssueKey key = IssueKey.github(c.number());
    commands.record(report, commands.flow(key, dispatchOnly).comment(key, incoming));
    return report.finish("Aegis: comment on #" + c.number(), session.log, "");
  }

  private HostResult ignored(String why) {
    return Reports.ignored(session.log, why);
  }

  private static GitHubEvent readEvent(Map<String, String> env) {
    String name = env.get("GITHUB_EVENT_NAME");
    String path = env.get("GITHUB_EVENT_PATH");
    if (name == null || name.isBlank() || path == null || path.isBlank()) {
      throw new IllegalArgumentException("'aegis action' runs inside GitHub Actions, where GITHUB_EVENT_NAME and "
          + "GITHUB_EVENT_PATH are set. To try Aegis from a terminal, run 'aegis pickup --dry-run'.");
    }
    try {
      return new GitHubEvents().parse(name, Files.readString(Path.of(path)));
    } catch (IOException e) {
      throw new EventException("cannot read the event file named by GITHUB_EVENT_PATH (" + path + "): " + e.getMessage(), e);
    }
  }

  private static String describe(GitHubEvent event) {
    if (event instanceof GitHubEvent.IssuesEvent i) {
      return "issues." + i.action() + " on #" + i.number() + " by @" + i.sender().login();
    }
    if (event instanceof GitHubEvent.IssueCommentEvent c) {
      return "issue_comment." + c.action() + " on #" + c.number() + " by @" + c.author().login();
    }
    return event.name();
  }
}
