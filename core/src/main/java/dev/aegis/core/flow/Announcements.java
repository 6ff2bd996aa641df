package dev.aegis.core.flow;

import dev.aegis.core.agent.PlanReport;
import dev.aegis.core.channel.RunEvent;
import dev.aegis.core.run.RunState;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Writes a run's status comment and tells the channels about it, once per event: the state written records
 * which events were announced ({@link #NOTIFIED}), so a re-run job that writes the same step again (an open
 * pull request found again, a resumed approval) does not announce it twice. The channels are told even when
 * the tracker write fails, and whatever they do, the write's outcome is the step's outcome.
 */
final class Announcements {
  /** The fact listing the events already announced, as {@code run.kind@checkpoint} words. */
  static final String NOTIFIED = "notified";
  private static final int KEPT = 24;
  private static final int REASON_MAX = 300;

  private final FlowContext ctx;

  Announcements(FlowContext ctx) {
    this.ctx = ctx;
  }

  /** {@link RunHandle#write} of {@code next}, then {@code event} to the channels unless announced before. */
  void write(RunHandle run, String text, RunState next, RunEvent event) {
    String key = event.kind().wire() + "@" + event.checkpoint();
    List<String> done = announced(next);
    boolean fresh = ctx.channels().wants(event.kind()) && !done.contains(key);
    RunState marked = next;
    if (fresh) {
      List<String> more = new ArrayList<>(done);
      more.add(key);
      marked = next.withFact(NOTIFIED, String.join(" ", more.subList(Math.max(0, more.size() - KEPT), more.size())),
          next.updatedAt());
    }
    try {
      run.write(text, marked);
    } finally {
      if (fresh) {
        ctx.channels().announce(event);
      }
    }
  }

  /**
   * Tells the channels about {@code event} without a new step, when some channel wants it and it was not
   * announced before: the status comment is rewritten as it is, with the event recorded.
   */
  void announce(RunHandle run, RunEvent event) {
    if (ctx.channels().wants(event.kind())) {
      write(run, run.text(), run.state(), event);
    }
  }

  /** The event of {@code kind} for {@code state}, identified by the run's checkpoint. */
  RunEvent event(RunEvent.Kind kind, RunHandle run, RunState state) {
    String issue = "github".equals(state.issue().tracker()) ? "#" + state.issue().id() : state.issue().id();
    return RunEvent.of(kind, state.runId(), issue, run.issue().url(), run.issue().title(),
        checkpoint(state), ctx.clock().instant());
  }

  RunEvent planned(RunHandle run, RunState state, PlanReport plan) {
    return event(RunEvent.Kind.PLANNED, run, state)
        .withPlan(plan.summary(), plan.rootCause(), plan.fixPlan(), plan.risk().label());
  }

  RunEvent blocked(RunHandle run, RunState state, String reason) {
    return event(RunEvent.Kind.BLOCKED, run, state).withReason(firstParagraph(reason));
  }

  /**
   * Where the run stands for deduplication: the commands it has handled (an ask starts a new planning round)
   * and the approval it works on (a second approval after a blocked fix is a new round).
   */
  static String checkpoint(RunState s) {
    return "r" + s.handled().size() + s.fact(Implementer.APPROVAL).map(a -> "-" + a).orElse("");
  }

  private static List<String> announced(RunState s) {
    String words = s.fact(NOTIFIED).orElse("").strip();
    return words.isEmpty() ? List.of() : Arrays.asList(words.split(" +"));
  }

  private static String firstParagraph(String text) {
    String first = text.strip().split("\n\\s*\n", 2)[0].replaceAll("\\s+", " ");
    return first.length() <= REASON_MAX ? first : first.substring(0, REASON_MAX - 1) + "…";
  }
}
