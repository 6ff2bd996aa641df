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
    return block(run, reason, next, java.util.Map.of());
  }

  /** Blocks the run, recording {@code facts} in its state (what a later job needs to pick it up again). */
  FlowResult block(RunHandle run, String reason, String next, java.util.Map<String, String> facts) {
    RunState blocked = run.state().withPhase(Phase.BLOCKED, ctx.clock().instant())
        .withFact(Planner.STAGE, "blocked", ctx.clock().instant());
    for (var fact : facts.entrySet()) {
      blocked = blocked.withFact(fact.getKey(), fact.getValue(), ctx.clock().instant());
    }
    String note = SafeMarkdown.withoutEndpoints(SafeMarkdown.of(reason), publicHosts());
    run.write(StatusTexts.blocked(blocked, capitalise(note), next), blocked);
    ctx.tracker().setPhase(blocked.issue(), Phase.BLOCKED);
    ctx.progress().accept("Run " + blocked.runId() + " is blocked: " + reason);
    return FlowResult.of(blocked.issue(), blocked.runId(), FlowResult.Status.BLOCKED, reason);
  }

  /** Hosts a note may link to: GitHub, Linear, and the configured GitHub Enterprise Server. */
  private java.util.Set<String> publicHosts() {
    java.util.Set<String> hosts = new java.util.HashSet<>(java.util.Set.of("github.com", "linear.app"));
    ctx.config().text(dev.aegis.core.config.ConfigKeys.GITHUB_API_URL).ifPresent(url -> {
      try {
        String host = java.net.URI.create(url).getHost();
        if (host != null) {
          hosts.add(host);
        }
      } catch (IllegalArgumentException e) {
        // an unparseable API URL links nothing
      }
    });
    return hosts;
  }

  static RuntimeException unchecked(Exception e) {
    return e instanceof RuntimeException r ? r : new IllegalStateException(e);
  }

  private static String capitalise(String s) {
    return s.isEmpty() ? s : Character.toUpperCase(s.charAt(0)) + s.substring(1);
  }
}
