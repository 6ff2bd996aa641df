package dev.aegis.core.agent;

import dev.aegis.core.model.Price;
import dev.aegis.core.model.Usage;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/** Counts a run's steps, tokens, dollars and time against its {@link Budget}. */
final class BudgetMeter {
  private final Budget budget;
  private final Clock clock;
  private final Price price;
  private final Instant start;
  private int steps;
  private Usage usage = Usage.ZERO;

  /** @param price null when the model is not priced (the dollar budget then cannot be enforced) */
  BudgetMeter(Budget budget, Clock clock, Price price) {
    this.budget = budget;
    this.clock = clock;
    this.price = price;
    this.start = clock.instant();
  }

  void record(Usage call) {
    steps++;
    usage = usage.plus(call);
  }

  int steps() {
    return steps;
  }

  Usage usage() {
    return usage;
  }

  boolean priced() {
    return price != null;
  }

  /** What the prompt cache saved: the cached tokens at the uncached price, less what they did cost. */
  double saved() {
    return price == null ? 0 : usage().cachedInputTokens() * (price.inputPerMillion() - price.cachedInputPerMillion())
        / 1_000_000.0;
  }

  double cost() {
    return price == null ? 0 : price.cost(usage);
  }

  Duration remaining() {
    return budget.maxWallTime().minus(Duration.between(start, clock.instant()));
  }

  /** The budget that has run out, if any. */
  Optional<Stop> exceeded() {
    if (steps >= budget.maxSteps()) {
      return Optional.of(Stop.budget(Budget.Kind.STEPS, steps + " of " + budget.maxSteps() + " model calls"));
    }
    if (usage.totalTokens() >= budget.maxTokens()) {
      return Optional.of(Stop.budget(Budget.Kind.TOKENS,
          usage.totalTokens() + " of " + budget.maxTokens() + " tokens"));
    }
    if (price != null && cost() >= budget.maxDollars()) {
      return Optional.of(Stop.budget(Budget.Kind.DOLLARS,
          String.format(java.util.Locale.ROOT, "$%.4f of $%.2f", cost(), budget.maxDollars())));
    }
    Duration elapsed = Duration.between(start, clock.instant());
    if (elapsed.compareTo(budget.maxWallTime()) >= 0) {
      return Optional.of(Stop.budget(Budget.Kind.WALL_TIME,
          elapsed.toSeconds() + "s of " + budget.maxWallTime().toSeconds() + "s"));
    }
    return Optional.empty();
  }
}
