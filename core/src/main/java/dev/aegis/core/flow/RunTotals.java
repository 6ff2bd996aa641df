package dev.aegis.core.flow;

import dev.aegis.core.agent.EngineResult;
import dev.aegis.core.run.RunState;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;

/**
 * What a run's agent runs (plan, re-plans, fix) spent so far, as its state block keeps it: model steps, tokens
 * (input and output), dollars, and wall time of the agent runs.
 *
 * @param steps model calls
 * @param tokens input plus output tokens
 * @param cost {@code $0.0312}, or the text saying it is unknown
 * @param agentTime how long the agent runs took together
 */
public record RunTotals(long steps, long tokens, String cost, Duration agentTime) {
  static final String STEPS = "steps";
  static final String TOKENS = "tokens";
  static final String AGENT_SECONDS = "agent-seconds";

  public RunTotals {
    Objects.requireNonNull(cost, "cost");
    Objects.requireNonNull(agentTime, "agentTime");
  }

  /** The totals recorded in {@code state} (zero for a run whose agent has not run yet). */
  public static RunTotals of(RunState state) {
    return new RunTotals(number(state, STEPS), number(state, TOKENS), Costs.text(state.fact(Planner.COST)),
        Duration.ofSeconds(number(state, AGENT_SECONDS)));
  }

  /** {@code state} with one more agent run, which took {@code took}, added to its totals. */
  static RunState add(RunState state, EngineResult result, Duration took, Instant now) {
    return state.withFact(Planner.COST, Costs.add(state.fact(Planner.COST), result), now)
        .withFact(STEPS, Long.toString(number(state, STEPS) + result.steps()), now)
        .withFact(TOKENS, Long.toString(number(state, TOKENS) + result.usage().inputTokens()
            + result.usage().outputTokens()), now)
        .withFact(AGENT_SECONDS, Long.toString(number(state, AGENT_SECONDS) + Math.max(0, took.toSeconds())), now);
  }

  /** {@code 3 steps · 1,500 tokens · $0.0246 · 1m 05s}. */
  public String text() {
    long s = agentTime.toSeconds();
    String time = s >= 60 ? (s / 60) + "m " + String.format(java.util.Locale.ROOT, "%02ds", s % 60) : s + "s";
    return String.format(java.util.Locale.ROOT, "%d steps · %,d tokens · %s · %s", steps, tokens, cost, time);
  }

  private static long number(RunState state, String fact) {
    try {
      return Long.parseLong(state.fact(fact).orElse("0"));
    } catch (NumberFormatException e) {
      return 0;
    }
  }
}
