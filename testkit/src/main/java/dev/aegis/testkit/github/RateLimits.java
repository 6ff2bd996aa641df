package dev.aegis.testkit.github;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;

/**
 * GitHub's primary rate limit per identity: a budget of calls that refills every hour. A request that is
 * answered with 304 Not Modified costs nothing, as on GitHub.
 */
final class RateLimits {
  static final int AUTHENTICATED_LIMIT = 5000;
  static final int ANONYMOUS_LIMIT = 60;
  private static final Duration WINDOW = Duration.ofHours(1);

  private final Map<String, Budget> budgets = new HashMap<>();
  private final Clock clock;

  RateLimits(Clock clock) {
    this.clock = clock;
  }

  /** The login's budget now (refilled when its window has passed); {@code ""} is the anonymous caller. */
  synchronized Budget peek(String login) {
    String key = login.toLowerCase(Locale.ROOT);
    Instant now = clock.instant();
    Budget budget = budgets.get(key);
    if (budget == null || !now.isBefore(budget.reset())) {
      int limit = login.isEmpty() ? ANONYMOUS_LIMIT : AUTHENTICATED_LIMIT;
      budget = new Budget(limit, limit, now.plus(WINDOW).truncatedTo(java.time.temporal.ChronoUnit.SECONDS));
      budgets.put(key, budget);
    }
    return budget;
  }

  /** Takes one call from the login's budget and returns what is left. */
  synchronized Budget spend(String login) {
    Budget budget = peek(login);
    Budget after = new Budget(budget.limit(), Math.max(0, budget.remaining() - 1), budget.reset());
    budgets.put(login.toLowerCase(Locale.ROOT), after);
    return after;
  }

  /** Sets what is left for a login until {@code reset}. */
  synchronized void set(String login, int remaining, Instant reset) {
    Budget current = peek(login);
    budgets.put(login.toLowerCase(Locale.ROOT), new Budget(current.limit(), remaining, reset));
  }

  /** One identity's budget. */
  record Budget(int limit, int remaining, Instant reset) {
    int used() {
      return limit - remaining;
    }
  }
}
