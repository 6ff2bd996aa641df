package dev.aegis.core.host;

import dev.aegis.core.flow.FlowResult;
import dev.aegis.core.flow.RunFlow;
import dev.aegis.core.host.HostResult.Outcome;
import dev.aegis.core.run.Decision;
import dev.aegis.core.tracker.IssueKey;
import java.util.List;
import java.util.Optional;

/** Runs the tracker-facing host commands in a {@link Session}. */
final class HostCommands {
  private final Session session;

  HostCommands(Session session) {
    this.session = session;
  }

  HostResult run() {
    return switch (session.request.command()) {
      case PICKUP -> pickup();
      case ACTION -> new ActionDispatch(session, this, false).run();
      case EVENT -> new ActionDispatch(session, this, true).run();
      case SCAN -> scan(true, "Aegis scan");
      case PLAN -> plan();
      case IMPLEMENT -> implement();
      case RECOVER -> recover();
      case RUN -> throw new IllegalStateException("run is not a tracker command");
    };
  }

  static HostResult paused(HostLog log) {
    String message = "Aegis is paused (max-concurrent-runs is 0): nothing was done. Resume with `aegis resume`.";
    log.line(message);
    log.summary("### Aegis\n\n" + message + "\n");
    return HostResult.of(Outcome.PAUSED, message);
  }

  /** Claims (or, dry, decides about) ready issues; never runs the agent. */
  private HostResult pickup() {
    Reports report = new Reports();
    boolean dry = session.request.dryRun();
    Optional<String> issue = session.request.issueId();
    List<Decision> decisions = issue.isPresent()
        ? List.of(session.pickup().one(IssueArgs.parse(issue.get()), dry))
        : session.pickup().scan(dry);
    decisions.forEach(report::add);
    return report.finish(dry ? "Aegis pickup (dry run)" : "Aegis pickup", session.log, noReadyHint());
  }

  /**
   * The scheduled pass: stale runs blocked, commands read from the issues Aegis holds, ready issues claimed
   * and planned. With {@code dispatchOnly} no agent runs here and the agent work comes back as {@code work}.
   */
  HostResult scan(boolean dispatchOnly, String title) {
    Reports report = new Reports();
    boolean dry = session.request.dryRun();
    session.recovery().recover(dry).forEach(report::add);
    if (dry) {
      session.pickup().scan(true).forEach(report::add);
      return report.finish(title + " (dry run)", session.log, noReadyHint());
    }
    RunFlow flow = session.flow(dispatchOnly);
    new CommandPolling(session.connection.tracker(), flow).poll().forEach(r -> record(report, r));
    for (Decision d : session.pickup().scan(false)) {
      report.add(d);
      if (d.verdict() == Decision.Verdict.CLAIMED) {
        record(report, flow.afterClaim(d.issue()));
      }
    }
    return report.finish(title, session.log, noReadyHint());
  }

  /** Adds a flow result, and the worker job it asks for when it was queued. */
  void record(Reports report, FlowResult r) {
    report.add(r);
    if (r.queued() != null) {
      HostCommand command = "implement".equals(r.queued().step()) ? HostCommand.IMPLEMENT : HostCommand.PLAN;
      report.add(new WorkItem(r.queued().key(), command, r.issue().id(), r.runId()));
    }
  }

  /** Plans an issue: claims it first when nobody holds it. */
  private HostResult plan() {
    IssueKey key = IssueArgs.parse(session.request.issueId()
        .orElseThrow(() -> new IllegalArgumentException("'plan' needs the issue to plan (issue: 123)")));
    Reports report = new Reports();
    RunFlow flow = session.flow(false);
    Decision claim = session.pickup().one(key, false);
    report.add(claim);
    boolean held = claim.verdict() == Decision.Verdict.CLAIMED || claim.detail().startsWith("already claimed");
    if (held) {
      record(report, flow.work(key, session.request.runIdValue().orElse(null)));
    }
    return report.finish("Aegis plan", session.log, "");
  }

  /** Implements the approved run of an issue (a worker's job after an approval). */
  private HostResult implement() {
    IssueKey key = IssueArgs.parse(session.request.issueId()
        .orElseThrow(() -> new IllegalArgumentException("'implement' needs the issue (issue: 123)")));
    String runId = session.request.runIdValue()
        .orElseThrow(() -> new IllegalArgumentException("'implement' needs the approved run id (runId: 123-abc123)"));
    Reports report = new Reports();
    record(report, session.flow(false).work(key, runId));
    return report.finish("Aegis implement", session.log, "");
  }

  private HostResult recover() {
    Reports report = new Reports();
    session.recovery().recover(session.request.dryRun()).forEach(report::add);
    return report.finish("Aegis recover", session.log, "No stale runs.");
  }

  String noReadyHint() {
    return "No ready bugs found. Check that an open issue carries both labels '" + session.config.bugLabel()
        + "' and '" + session.config.readyLabel() + "', that the repository is right ("
        + session.config.text("github.repository").orElse("unset") + ", from "
        + session.config.sourceOf("github.repository") + "), and that the token can read its issues.";
  }
}
