package dev.aegis.core.flow;

import dev.aegis.core.run.RunState;
import dev.aegis.core.tracker.Phase;

/** How runs end when they cannot finish: blocked, with a plain-English note on the issue. */
final class Endings {
  private final FlowContext ctx;

  Endings(FlowContext ctx) {
    this.ctx = ctx;
  }

  FlowResult block(RunHandle run, String reason, String next) {
    RunState blocked = run.state().withPhase(Phase.BLOCKED, ctx.clock().instant())
        .withFact(Planner.STAGE, "blocked", ctx.clock().instant());
    run.write(StatusTexts.blocked(blocked, capitalise(SafeMarkdown.of(reason)), next), blocked);
    ctx.tracker().setPhase(blocked.issue(), Phase.BLOCKED);
    ctx.progress().accept("Run " + blocked.runId() + " is blocked: " + reason);
    return FlowResult.of(blocked.issue(), blocked.runId(), FlowResult.Status.BLOCKED, reason);
  }

  static RuntimeException unchecked(Exception e) {
    return e instanceof RuntimeException r ? r : new IllegalStateException(e);
  }

  private static String capitalise(String s) {
    return s.isEmpty() ? s : Character.toUpperCase(s.charAt(0)) + s.substring(1);
  }
}
