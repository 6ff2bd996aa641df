package dev.aegis.core.host;

import dev.aegis.core.flow.FlowResult;
import dev.aegis.core.flow.RunFlow;
import dev.aegis.core.host.HostResult.Outcome;
import dev.aegis.core.run.Decision;
import dev.aegis.core.run.Pickup;
import dev.aegis.core.run.RunSlots;
import dev.aegis.core.tracker.Issue;
import dev.aegis.core.tracker.IssueKey;
import dev.aegis.core.tracker.Tracker;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * Runs the tracker-facing host commands in a {@link Session}. Scans cover every configured tracker; commands
 * about one issue go to the tracker that owns its key ({@code 123} GitHub, {@code ENG-950} Linear).
 */
final class HostCommands {
  private final Session session;

  HostCommands(Session session) {
    this.session = session;
  }

  HostResult run() {
    // Who Aegis is must be known before anything is read as "ours" or written (GET /user for a user's token).
    // `recover` is a maintainer's tool too, run with their own token: it reads Aegis's comments as configured.
    // An event learns it once it knows the event is for Aegis (a bot's comment costs no request).
    HostCommand command = session.request.command();
    if (command != HostCommand.RECOVER && command != HostCommand.ACTION && command != HostCommand.EVENT) {
      session.identify();
    }
    return switch (session.request.command()) {
      case PICKUP -> pickup();
      case ACTION -> new ActionDispatch(session, this, false).run();
      case EVENT -> new ActionDispatch(session, this, true).run();
      case LINEAR_EVENT -> new LinearDispatch(session, this).run();
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
    List<Decision> decisions = issue.isPresent() ? List.of(one(IssueArgs.parse(issue.get()), dry)) : pickupAll(dry);
    decisions.forEach(report::add);
    return report.finish(dry ? "Aegis pickup (dry run)" : "Aegis pickup", session.log, noReadyHint());
  }

  /** Decides about one issue on the tracker that owns it, with run slots shared by every tracker. */
  Decision one(IssueKey key, boolean dry) {
    return session.pickup(session.trackerOf(key)).one(key, dry, session.slots());
  }

  /**
   * Every tracker's ready issues, oldest first across trackers (so the run slots go to the oldest bugs wherever
   * they are), each decided by its own tracker's pickup.
   */
  List<Decision> pickupAll(boolean dry) {
    record Candidate(Pickup pickup, Issue issue) {}
    List<Candidate> candidates = new ArrayList<>();
    for (Tracker tracker : session.trackers()) {
      Pickup pickup = session.pickup(tracker);
      tracker.readyIssues().forEach(i -> candidates.add(new Candidate(pickup, i)));
    }
    candidates.sort(Comparator.comparing((Candidate c) -> c.issue().createdAt()));
    RunSlots slots = session.slots();
    return candidates.stream().map(c -> c.pickup().decide(c.issue(), dry, slots)).toList();
  }

  /**
   * The scheduled pass: stale runs blocked, commands read from the issues Aegis holds, ready issues claimed
   * and planned, on every tracker. With {@code dispatchOnly} no agent runs here and the agent work comes back as
   * {@code work}.
   */
  HostResult scan(boolean dispatchOnly, String title) {
    Reports report = reports();
    boolean dry = session.request.dryRun();
    session.trackers().forEach(t -> session.recovery(t).recover(dry).forEach(report::add));
    if (dry) {
      pickupAll(true).forEach(report::add);
      return report.finish(title + " (dry run)", session.log, noReadyHint());
    }
    for (Tracker tracker : session.trackers()) {
      RunFlow flow = session.flow(tracker, dispatchOnly);
      new CommandPolling(tracker, flow).poll().forEach(r -> record(report, r));
      // Runs whose job went quiet (a crash, or a claim made by `aegis pickup` from a terminal, which never
      // plans) are resumed here once their grace period is over, before recovery would call them dead.
      for (var held : tracker.issuesIn(dev.aegis.core.tracker.Phase.IN_PROGRESS)) {
        flow.converge(held.key()).ifPresent(r -> record(report, r));
      }
    }
    for (Decision d : pickupAll(false)) {
      report.add(d);
      if (d.verdict() == Decision.Verdict.CLAIMED) {
        record(report, flow(d.issue(), dispatchOnly).afterClaim(d.issue()));
      }
    }
    return report.finish(title, session.log, noReadyHint());
  }

  /** The flow on the tracker that owns {@code key}. */
  RunFlow flow(IssueKey key, boolean dispatchOnly) {
    return session.flow(session.trackerOf(key), dispatchOnly);
  }

  /** A report whose rows link the issue, its status comment and its pull request, and the Actions run. */
  Reports reports() {
    return new Reports(this::links, dev.aegis.core.event.ActionsRun.of(session.request.environment()));
  }

  /**
   * Where a flow result's row links to, read back from the tracker (the issue's page, the run's status comment);
   * a failed look-up gives no links rather than failing the job that already did its work.
   */
  private Reports.Links links(FlowResult r) {
    if (r.runId().isEmpty()) {
      return Reports.Links.NONE;
    }
    try {
      Tracker tracker = session.trackerOf(r.issue());
      String issueUrl = tracker.issue(r.issue()).map(Issue::url).orElse("");
      Optional<dev.aegis.core.run.StatusComment> status = new dev.aegis.core.run.RunLedger(tracker)
          .latest(r.issue(), tracker.comments(r.issue())).filter(s -> s.state().runId().equals(r.runId()));
      // GitHub's comment anchor on the issue page; Linear's comment links are not known here, so its issue suffices
      String statusUrl = status.isPresent() && "github".equals(r.issue().tracker()) && !issueUrl.isEmpty()
          ? issueUrl + "#issuecomment-" + status.get().commentId() : "";
      String pr = !r.prUrl().isEmpty() ? r.prUrl()
          : status.flatMap(s -> s.state().fact("pr")).orElse("");
      String spent = status.map(s -> dev.aegis.core.flow.RunTotals.of(s.state()))
          .filter(t -> t.steps() > 0).map(dev.aegis.core.flow.RunTotals::text).orElse("");
      return new Reports.Links(issueUrl, statusUrl, pr, spent);
    } catch (RuntimeException e) {
      return Reports.Links.NONE;
    }
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
    if (session.request.dryRun()) {
      // decide as the claim would, then stop: no claim, no agent, nothing written
      Decision would = one(key, true);
      report.add(would);
      HostResult result = report.finish("Aegis plan (dry run)", session.log, "");
      boolean wouldPlan = would.verdict() == Decision.Verdict.WOULD_RUN || would.detail().startsWith("already claimed");
      session.log.line("Dry run: 'plan' would " + (wouldPlan ? "" : "not ") + "investigate " + key.display()
          + "; nothing was claimed, written or run.");
      return result;
    }
    RunFlow flow = flow(key, false);
    Decision claim = one(key, false);
    report.add(claim);
    boolean held = claim.verdict() == Decision.Verdict.CLAIMED || claim.detail().startsWith("already claimed");
    if (held) {
      session.preflight();
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
    session.preflight();
    record(report, flow(key, false).work(key, runId));
    return report.finish("Aegis implement", session.log, "");
  }

  private HostResult recover() {
    Reports report = new Reports();
    session.trackers().forEach(t -> session.recovery(t).recover(session.request.dryRun()).forEach(report::add));
    return report.finish("Aegis recover", session.log, "No stale runs.");
  }

  String noReadyHint() {
    String github = "heck that an open issue carries both labels '" + session.config.bugLabel()
        + "' and '" + session.config.readyLabel() + "', that the repository is right ("
        + session.config.text("github.repository").orElse("unset") + ", from "
        + session.config.sourceOf("github.repository") + "), and that the token can read its issues.";
    if (!session.config.tracks("linear")) {
      return "No ready bugs found. C" + github;
    }
    String linear = LinearConnector.noReadyHint(session.config);
    return "No ready bugs found. " + (session.config.tracks("github") ? "GitHub: c" + github + " Linear: " : "")
        + linear;
  }
}
