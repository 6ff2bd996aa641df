package dev.aegis.core.agent;

import java.time.Duration;
import java.util.Objects;

/**
 * Limits of one run; reaching any of them stops it as {@link Stop.Reason#BUDGET_EXCEEDED}.
 *
 * @param maxSteps model calls
 * @param maxTokens input plus output tokens over all calls
 * @param maxDollars cost from the price table; not enforceable (and said so) for an unpriced model
 * @param maxWallTime elapsed time on the engine's clock
 */
public record Budget(int maxSteps, long maxTokens, double maxDollars, Duration maxWallTime) {
  public Budget {
    if (maxSteps < 1 || maxTokens < 1 || maxDollars <= 0) {
      throw new IllegalArgumentException("budget limits must be positive");
    }
    Objects.requireNonNull(maxWallTime, "maxWallTime");
  }

  /** 40 steps, 2 million tokens, 5 dollars, 30 minutes. */
  public static Budget defaults() {
    return new Budget(40, 2_000_000, 5.0, Duration.ofMinutes(30));
  }

  /** Which limit a run hit. */
  public enum Kind {
    STEPS, TOKENS, DOLLARS, WALL_TIME
  }
}
