package dev.aegis.core.host;

import dev.aegis.core.command.Commands;
import dev.aegis.core.flow.FlowResult;
import dev.aegis.core.flow.IncomingComment;
import dev.aegis.core.flow.RunFlow;
import dev.aegis.core.run.RunLedger;
import dev.aegis.core.tracker.Issue;
import dev.aegis.core.tracker.IssueComment;
import dev.aegis.core.tracker.Phase;
import dev.aegis.core.tracker.Tracker;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Finds commands by reading the comments of issues Aegis holds (awaiting approval, in progress, blocked), for
 * hosts that cannot receive comment events (a Jenkins controller behind a firewall) and for commands that
 * arrived while Aegis was paused. Commands already handled, refused or answered stay quiet: the flow keeps
 * that record on the tracker.
 */
final class CommandPolling {
  private static final List<Phase> POLLED = List.of(Phase.AWAITING_APPROVAL, Phase.IN_PROGRESS, Phase.BLOCKED);

  private final Tracker tracker;
  private final RunFlow flow;

  CommandPolling(Tracker tracker, RunFlow flow) {
    this.tracker = tracker;
    this.flow = flow;
  }

  List<FlowResult> poll() {
    Map<String, Issue> issues = new LinkedHashMap<>();
    for (Phase phase : POLLED) {
      tracker.issuesIn(phase).forEach(i -> issues.putIfAbsent(i.key().display(), i));
    }
    RunLedger ledger = new RunLedger(tracker);
    List<FlowResult> out = new ArrayList<>();
    for (Issue issue : issues.values()) {
      for (IssueComment c : tracker.comments(issue.key())) {
        if (c.author().bot() || ledger.byAegis(c) || Commands.parse(c.body()) instanceof Commands.NotACommand) {
          continue;
        }
        FlowResult r = flow.comment(issue.key(), new IncomingComment(c.id(), c.author(), c.body()));
        if (r.status() != FlowResult.Status.NOTHING_TO_DO) {
          out.add(r);
        }
      }
    }
    return out;
  }
}
