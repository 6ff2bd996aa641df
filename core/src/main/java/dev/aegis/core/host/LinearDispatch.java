package dev.aegis.core.host;

import dev.aegis.core.command.Commands;
import dev.aegis.core.flow.IncomingComment;
import dev.aegis.core.flow.RunFlow;
import dev.aegis.core.run.Decision;
import dev.aegis.core.tracker.Issue;
import dev.aegis.core.tracker.IssueComment;
import dev.aegis.core.tracker.IssueKey;
import dev.aegis.core.tracker.Tracker;
import dev.aegis.core.tracker.linear.LinearWebhookEvent;
import dev.aegis.core.tracker.linear.LinearWebhooks;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/**
 * What {@link HostCommand#LINEAR_EVENT} does with a Linear webhook delivery the host verified: an issue created
 * or updated is picked up (claimed, its plan queued as work) or brought back in line; a new comment with an
 * {@code /aegis} command is handled. The payload is only a trigger: Linear may deliver twice or out of order, so
 * the issue and the comment are read again from the API, and a command is acted on as Linear stores it. No agent
 * runs here; agent work comes back as {@code work}, as for {@link HostCommand#EVENT}.
 */
final class LinearDispatch {
  private final Session session;
  private final HostCommands commands;

  LinearDispatch(Session session, HostCommands commands) {
    this.session = session;
    this.commands = commands;
  }

  HostResult run() {
    LinearWebhookEvent event = LinearWebhooks.read(readBody());
    session.log.line("Event: Linear " + event.type() + "." + event.action()
        + event.issueKey().map(k -> " on " + k.id()).orElse(""));
    Optional<Tracker> linear = session.connection.tracker("linear");
    if (linear.isEmpty()) {
      return Reports.ignored(session.log, "Linear is not a configured tracker (trackers: "
          + String.join(", ", session.config.trackers()) + ")");
    }
    boolean issueEvent = event.issueCreated() || event.issueUpdated();
    if (!issueEvent && !event.commentCreated()) {
      return Reports.ignored(session.log, "Linear " + event.type() + "." + event.action() + " needs nothing from Aegis");
    }
    Optional<Issue> issue = subject(event).flatMap(linear.get()::issue);
    if (issue.isEmpty()) {
      return Reports.ignored(session.log, "the event's issue is not one of the configured team's (or was deleted)");
    }
    return issueEvent ? issue(issue.get().key()) : comment(linear.get(), issue.get().key(), event.comment().id());
  }

  private HostResult issue(IssueKey key) {
    Reports report = new Reports();
    boolean dry = session.request.dryRun();
    Decision d = commands.one(key, dry);
    report.add(d);
    if (!dry) {
      RunFlow flow = commands.flow(key, true);
      if (d.verdict() == Decision.Verdict.CLAIMED) {
        commands.record(report, flow.afterClaim(key));
      } else {
        flow.converge(key).ifPresent(r -> commands.record(report, r));
      }
    }
    return report.finish("Aegis: issue " + key.display(), session.log, "");
  }

  private HostResult comment(Tracker linear, IssueKey key, String commentId) {
    Optional<IssueComment> stored = linear.comments(key).stream().filter(c -> c.id().equals(commentId)).findFirst();
    if (stored.isEmpty()) {
      return Reports.ignored(session.log, "the comment no longer exists on " + key.display());
    }
    IssueComment c = stored.get();
    if (c.author().bot() || c.author().login().equalsIgnoreCase(linear.self().login())) {
      return Reports.ignored(session.log, "comment by " + c.author().login() + " (bots and Aegis itself are ignored)");
    }
    if (Commands.parse(c.body()) instanceof Commands.NotACommand) {
      return Reports.ignored(session.log, "the comment has no /aegis command");
    }
    if (session.request.dryRun()) {
      return Reports.ignored(session.log, "dry run: the command would be handled for " + key.display());
    }
    Reports report = new Reports();
    commands.record(report, commands.flow(key, true).comment(key, new IncomingComment(c.id(), c.author(), c.body())));
    return report.finish("Aegis: comment on " + key.display(), session.log, "");
  }

  /** The issue an event is about: its identifier, else its id (Linear's API accepts either). */
  private static Optional<IssueKey> subject(LinearWebhookEvent event) {
    Optional<IssueKey> byIdentifier = event.issueKey();
    if (byIdentifier.isPresent()) {
      return byIdentifier;
    }
    String id = event.issue() != null ? event.issue().id() : event.comment() != null ? event.comment().issueId() : null;
    return id == null || id.isBlank() ? Optional.empty() : Optional.of(new IssueKey("linear", id));
  }

  private byte[] readBody() {
    String path = session.request.environment().get(HostCommand.LINEAR_EVENT_PATH);
    if (path == null || path.isBlank()) {
      throw new IllegalArgumentException("'linear-event' needs the verified webhook body in a file named by "
          + HostCommand.LINEAR_EVENT_PATH);
    }
    try {
      return Files.readAllBytes(Path.of(path));
    } catch (IOException e) {
      throw new IllegalArgumentException("cannot read the Linear event file named by " + HostCommand.LINEAR_EVENT_PATH
          + " (" + path + "): " + e.getMessage(), e);
    }
  }
}
