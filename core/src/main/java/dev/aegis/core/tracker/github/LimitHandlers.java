package dev.aegis.core.tracker.github;

import java.io.IOException;
import java.time.Clock;
import org.kohsuke.github.GitHubAbuseLimitHandler;
import org.kohsuke.github.GitHubRateLimitHandler;
import org.kohsuke.github.connector.GitHubConnectorResponse;

/**
 * Replaces hub4j's default rate-limit handlers, which sleep the thread until the limit resets (up to an hour,
 * unseen by tests and budgets). Short waits were already retried by {@link RetryInterceptor}; what reaches
 * these handlers fails at once, carrying the wait.
 */
final class LimitHandlers {
  private LimitHandlers() {}

  static GitHubRateLimitHandler primary(Clock clock) {
    return new GitHubRateLimitHandler() {
      @Override
      public void onError(GitHubConnectorResponse response) throws IOException {
        throw failure(response, clock);
      }
    };
  }

  static GitHubAbuseLimitHandler secondary(Clock clock) {
    return new GitHubAbuseLimitHandler() {
      @Override
      public void onError(GitHubConnectorResponse response) throws IOException {
        throw failure(response, clock);
      }
    };
  }

  private static GitHubHttpException failure(GitHubConnectorResponse response, Clock clock) {
    return new GitHubHttpException(response.statusCode(), response.request().url().toString(),
        "rate limit exceeded",
        RateLimitWait.of(response.statusCode(), response::header, clock.instant())
            .orElse(RateLimitWait.SECONDARY_DEFAULT));
  }
}
