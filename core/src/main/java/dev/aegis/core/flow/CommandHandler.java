package dev.aegis.core.flow;

import dev.aegis.core.command.Command;
import dev.aegis.core.command.Commands;
import dev.aegis.core.run.Marks;
import dev.aegis.core.run.RunLedger;
import dev.aegis.core.run.RunState;
import dev.aegis.core.run.StatusComment;
import dev.aegis.core.tracker.Issue;
import dev.aegis.core.tracker.IssueComment;
import dev.aegis.core.tracker.Phase;
import dev.aegis.core.tracker.Reaction;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * Step 5: {@code /aegis proceed|stop|ask <run-id>} in issue comments. Only writers (or configured approvers)
 * command; bots and Aegis itself are ignored; anyone else gets one polite refusal and nothing else happens.
 * A command is acknowledged with a reaction, and a command already handled (a redelivered event) changes
 * nothing.
 */
final class CommandHandler {
  private static final String REFUSED = "refused";
  private static final String REFUSED_COMMENT = "refused-comment";
  private static final String REPLY = "reply";

  private final FlowContext ctx;
  private final RunLedger ledger;
  private final Marks marks;
  private final Authorizer authorizer;
  private final Runs runs;

  CommandHandler(FlowContext ctx, Authorizer authorizer, Runs runs) {
    this.ctx = ctx;
    this.ledger = new RunLedger(ctx.tracker());
    this.marks = new Marks(ctx.tracker());
    this.authorizer = authorizer;
    this.runs = runs;
  }

  FlowResult handle(Issue issue, IncomingComment comment) {
    String who = comment.author().login();
    if (comment.author().bot() || who.equalsIgnoreCase(ctx.tracker().self().login())) {
      return nothing(issue, "comment by " + who + " (bots and Aegis itself are ignored)");
    }
    Commands.Parsed parsed = Commands.parse(comment.body());
    if (parsed instanceof Commands.NotACommand) {
      return nothing(issue, "no /aegis command in the comment");
    }
    List<IssueComment> comments = ctx.tracker().comments(issue.key());
    Optional<String> forged = checkAgainstTracker(comment, comments);
    if (forged.isPresent()) {
      ctx.progress().accept("Ignoring comment " + comment.id() + ": " + forged.get());
      return nothing(issue, forged.get());
    }
    Marks.Marked marked = marks.read(issue.key(), comments);
    if (marked.has(new Marks.Mark(REFUSED_COMMENT, comment.id()))) {
      // judged when it was made: gaining write access later does not make an old refused command valid
      return nothing(issue, "command refused earlier");
    }
    if (!authorizer.mayCommand(issue.key(), who)) {
      return refuse(issue, who, comment.id(), marked);
    }
    if (parsed instanceof Commands.Invalid invalid) {
      replyOnce(issue, comment, marked, invalid.problem());
      ctx.tracker().react(issue.key(), comment.id(), Reaction.CONFUSED);
      return nothing(issue, invalid.problem());
    }
    Command command = ((Commands.Valid) parsed).command();
    List<StatusComment> all = ledger.runs(issue.key(), comments);
    Optional<StatusComment> target = RunLedger.findIn(all, command.runId());
    if (target.isEmpty()) {
      String current = RunLedger.latestOf(all)
          .map(s -> " The latest run here is `" + s.state().runId() + "`.").orElse("");
      replyOnce(issue, comment, marked, "There is no Aegis run `" + command.runId() + "` on this issue." + current);
      return nothing(issue, "no run " + command.runId() + " on this issue");
    }
    RunState state = target.get().state();
    boolean latest = RunLedger.latestOf(all).filter(l -> l.state().runId().equals(state.runId())).isPresent();
    if (latest && !ctx.tracker().inPhase(issue, state.phase())) {
      // a job died between writing the run's state and moving its label; the redelivered command (a re-run
      // job) is often the only event that comes back to this run
      ctx.tracker().setPhase(issue.key(), state.phase());
    }
    if (state.handled().contains(comment.id())) {
      if (latest && command.verb() == Command.Verb.STOP && state.fact(Stopper.STOPPED_BY).isPresent()) {
        runs.stopper().cleanUp(state); // the job that recorded the stop may have died before cleaning up
      }
      if (latest && orphaned(state)) {
        // the job that acted on this command (an ask's re-plan) died: the re-run job picks the run up
        ctx.progress().accept("Resuming run " + state.runId() + " after an interrupted job");
        return runs.resume(runs.handle(issue, target.get()));
      }
      return FlowResult.of(issue.key(), state.runId(), FlowResult.Status.NOTHING_TO_DO, "command already handled");
    }
    if (marked.has(replyMark(comment))) {
      // answered as not applicable ("no plan yet", "already blocked"): a later poll must not carry it out
      return FlowResult.of(issue.key(), state.runId(), FlowResult.Status.NOTHING_TO_DO, "command already answered");
    }
    ctx.tracker().react(issue.key(), comment.id(), Reaction.EYES);
    RunHandle run = runs.handle(issue, target.get());
    return switch (command.verb()) {
      case PROCEED -> proceed(run, comment, marked);
      case STOP -> stop(run, comment, marked);
      case ASK -> ask(run, comment, command.text(), comments, marked);
    };
  }

  private FlowResult proceed(RunHandle run, IncomingComment c, Marks.Marked marked) {
    RunState s = run.state();
    if (s.phase() == Phase.AWAITING_APPROVAL) {
      return runs.implement(run, c.id(), c.author().login());
    }
    if (runs.awaitsPullRequest(s)) {
      // blocked after the push because the pull request was refused (a repository setting): the approval's
      // re-run job, or a new approval, opens it from the pushed branch; the approval stays the first one
      ctx.progress().accept("Opening the pull request of run " + s.runId() + " from its pushed branch " + s.branch());
      return runs.implement(run, s.fact(Implementer.APPROVAL).orElse(c.id()),
          s.fact(Implementer.APPROVED_BY).orElse(c.author().login()));
    }
    boolean resumable = c.id().equals(s.fact(Implementer.APPROVAL).orElse("")) && orphaned(s);
    if (resumable) {
      ctx.progress().accept("Resuming the implementation of run " + s.runId() + " after an interrupted job");
      return runs.implement(run, c.id(), s.fact(Implementer.APPROVED_BY).orElse(c.author().login()));
    }
    boolean implementing = "implementing".equals(s.fact(Planner.STAGE).orElse(""));
    if (s.phase() == Phase.PR_OPENED || (s.phase() == Phase.IN_PROGRESS && implementing)) {
      return FlowResult.of(s.issue(), s.runId(), FlowResult.Status.NOTHING_TO_DO, "run " + s.runId() + " is "
          + (s.phase() == Phase.PR_OPENED ? "done: its pull request is open" : "already in progress"));
    }
    if (s.phase() == Phase.IN_PROGRESS) {
      replyOnce(run.issue(), c, marked, "Run `" + s.runId() + "` is still investigating: there is no plan to approve"
          + " yet. Read the root-cause analysis when it replaces the status comment, then reply `/aegis proceed "
          + s.runId() + "`.");
      return nothing(run.issue(), "run " + s.runId() + " has no plan yet");
    }
    replyOnce(run.issue(), c, marked, "Run `" + s.runId() + "` has no plan waiting for approval (it is "
        + describe(s) + "), so there is nothing to proceed with.");
    return nothing(run.issue(), "run " + s.runId() + " is " + describe(s));
  }

  private FlowResult stop(RunHandle run, IncomingComment c, Marks.Marked marked) {
    RunState s = run.state();
    if (s.phase() == Phase.IN_PROGRESS || s.phase() == Phase.AWAITING_APPROVAL || s.phase() == Phase.BLOCKED) {
      return runs.stopper().stop(run, c.author().login(), c.id());
    }
    if (s.phase() == Phase.PR_OPENED) {
      replyOnce(run.issue(), c, marked, "Run `" + s.runId() + "` already opened its pull request ("
          + s.fact(Implementer.PR).orElse("see above") + "). Close the pull request to discard the fix.");
    }
    return nothing(run.issue(), "run " + s.runId() + " is " + describe(s));
  }

  private FlowResult ask(
      RunHandle run, IncomingComment c, String text, List<IssueComment> comments, Marks.Marked marked) {
    RunState s = run.state();
    if (s.phase() != Phase.AWAITING_APPROVAL && s.phase() != Phase.BLOCKED) {
      replyOnce(run.issue(), c, marked, "Run `" + s.runId() + "` is " + describe(s)
          + "; `/aegis ask` re-plans a run that is awaiting approval or blocked.");
      return nothing(run.issue(), "run " + s.runId() + " is " + describe(s));
    }
    String context = s.fact(Planner.ASK).map(a -> a + "\n\n").orElse("") + "From " + c.author().login() + ": " + text;
    RunState replanning = s.withPhase(Phase.IN_PROGRESS, ctx.clock().instant())
        .withFact(Planner.STAGE, "planning", ctx.clock().instant())
        .withFact(Planner.ASK, context, ctx.clock().instant())
        .withHandled(c.id(), ctx.clock().instant());
    // Approvals given before this ask (one spent on a fix that ended blocked, another posted meanwhile)
    // approved the old plan, not the one this re-plan makes: mark them handled, or the next poll of the
    // issue's comments would implement the new plan with them.
    for (IssueComment earlier : comments) {
      if (Commands.parse(earlier.body()) instanceof Commands.Valid v && v.command().verb() == Command.Verb.PROCEED
          && v.command().runId().equals(s.runId())) {
        replanning = replanning.withHandled(earlier.id(), ctx.clock().instant());
      }
    }
    run.write(StatusTexts.planning(replanning), replanning);
    ctx.tracker().setPhase(s.issue(), Phase.IN_PROGRESS);
    return runs.plan(run);
  }

  /**
   * One polite refusal per person: the first refused command gets a comment; later ones by the same person
   * are only recorded on it (GitHub: an edit, which notifies nobody), so none of them is ever carried out later.
   */
  private FlowResult refuse(Issue issue, String who, String commentId, Marks.Marked marked) {
    Marks.Mark person = new Marks.Mark(REFUSED, who.toLowerCase(java.util.Locale.ROOT));
    Marks.Mark refused = new Marks.Mark(REFUSED_COMMENT, commentId);
    Optional<IssueComment> earlier = marked.carrier(person);
    if (earlier.isEmpty()) {
      marks.post(issue.key(), StatusTexts.refusal(issue.key().tracker(), who), List.of(person, refused));
    } else {
      marks.add(issue.key(), earlier.get(), refused);
    }
    return FlowResult.of(issue.key(), "", FlowResult.Status.REFUSED, who + " may not command Aegis here"
        + (earlier.isPresent() ? " (already told)" : ""));
  }

  /** Answers a command once: a redelivered event finds the mark and stays silent. */
  private void replyOnce(Issue issue, IncomingComment c, Marks.Marked marked, String text) {
    if (!marked.has(replyMark(c))) {
      marks.post(issue.key(), text + " " + Commands.usage(), List.of(replyMark(c)));
    }
  }

  /**
   * Defence in depth: the event names an author, and the tracker must agree. A command is acted on only when
   * the tracker holds a comment with that id by that same person; the event's body stays the text acted on
   * (an edit after the fact cannot change what was approved).
   */
  private static Optional<String> checkAgainstTracker(IncomingComment c, List<IssueComment> comments) {
    Optional<IssueComment> stored = comments.stream().filter(x -> x.id().equals(c.id())).findFirst();
    if (stored.isEmpty()) {
      return Optional.of("the tracker has no comment " + c.id() + " on this issue (deleted, or not a real event)");
    }
    String author = stored.get().author().login();
    return author.equalsIgnoreCase(c.author().login()) ? Optional.empty()
        : Optional.of("the event says comment " + c.id() + " is by " + c.author().login() + ", but the tracker says "
            + author);
  }

  private static Marks.Mark replyMark(IncomingComment c) {
    return new Marks.Mark(REPLY, c.id());
  }

  /** In progress, with no update for the claim grace period: the job working on it died. */
  private boolean orphaned(RunState s) {
    return s.phase() == Phase.IN_PROGRESS
        && Duration.between(s.updatedAt(), ctx.clock().instant()).compareTo(ctx.config().claimGrace()) >= 0;
  }

  private static String describe(RunState s) {
    return s.fact(Planner.STAGE).orElse(s.phase().name().toLowerCase(java.util.Locale.ROOT).replace('_', ' '));
  }

  private static FlowResult nothing(Issue issue, String why) {
    return FlowResult.of(issue.key(), "", FlowResult.Status.NOTHING_TO_DO, why);
  }
}
