package dev.aegis.core.host;

import dev.aegis.core.command.Commands;
import dev.aegis.core.config.AegisConfig;
import dev.aegis.core.event.EventException;
import dev.aegis.core.event.GitHubEvent;
import dev.aegis.core.event.GitHubEvents;
import dev.aegis.core.host.HostResult.Outcome;
import dev.aegis.core.run.Decision;
import dev.aegis.core.tracker.IssueKey;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What {@code aegis action} does: reads the event GitHub Actions describes in the environment and
 * dispatches it. {@code issues} opened/labeled/edited/reopened picks up that issue; {@code schedule} and
 * {@code workflow_dispatch} scan; {@code issue_comment} is read for commands, ignoring bots and Aegis itself
 * so its own comments never trigger it again. A malformed event fails before anything is written.
 */
final class ActionDispatch {
  private static final Set<String> PICKUP_ACTIONS = Set.of("opened", "labeled", "edited", "reopened");

  private final CoreEntry entry;
  private final HostRequest request;
  private final AegisConfig config;
  private final HostLog log;

  ActionDispatch(CoreEntry entry, HostRequest request, AegisConfig config, HostLog log) {
    this.entry = entry;
    this.request = request;
    this.config = config;
    this.log = log;
  }

  HostResult run() {
    GitHubEvent event = readEvent(request.environment());
    log.line("Event: " + describe(event));
    if (config.paused()) {
      return entry.paused(log);
    }
    if (event instanceof GitHubEvent.IssuesEvent issues) {
      if (!PICKUP_ACTIONS.contains(issues.action())) {
        return ignored("issues." + issues.action() + " needs nothing from Aegis");
      }
      Decision d = entry.pickup(config, request).one(IssueKey.github(issues.number()), request.dryRun());
      return entry.report("Aegis: issue #" + issues.number(), List.of(d), config, log);
    }
    if (event instanceof GitHubEvent.IssueCommentEvent comment) {
      return comment(comment);
    }
    if (event instanceof GitHubEvent.ScheduleEvent || event instanceof GitHubEvent.WorkflowDispatchEvent) {
      List<Decision> decisions = entry.pickup(config, request).scan(request.dryRun());
      return entry.report("Aegis scan", decisions, config, log);
    }
    return ignored("the " + event.name() + " event is not one Aegis handles");
  }

  private HostResult comment(GitHubEvent.IssueCommentEvent c) {
    String self = config.text("github.login").orElse("github-actions[bot]");
    if (c.author().bot() || c.author().login().equalsIgnoreCase(self)) {
      return ignored("comment by " + c.author().login() + " (bots and Aegis itself are ignored)");
    }
    if (!"created".equals(c.action())) {
      return ignored("issue_comment." + c.action() + " (only new comments are read)");
    }
    Commands.Parsed parsed = Commands.parse(c.body());
    if (parsed instanceof Commands.NotACommand) {
      return ignored("comment has no /aegis command");
    }
    if (parsed instanceof Commands.Invalid invalid) {
      log.line("Not a valid command from @" + c.author().login() + ": " + invalid.problem());
      return new HostResult(Outcome.OK, invalid.problem(), Map.of("decision", "invalid command"));
    }
    var command = ((Commands.Valid) parsed).command();
    String line = "received /aegis " + command.verb().word() + " " + command.runId() + " from @" + c.author().login();
    log.line(line);
    log.summary("### Aegis\n\n" + Reports.cell(line) + "\n");
    return new HostResult(Outcome.OK, line, Map.of("decision", line, "run-id", command.runId()));
  }

  private HostResult ignored(String why) {
    log.line("Nothing to do: " + why + ".");
    log.summary("### Aegis\n\nNothing to do: " + Reports.cell(why) + ".\n");
    return new HostResult(Outcome.OK, "ignored: " + why, Map.of("decision", "ignored"));
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
