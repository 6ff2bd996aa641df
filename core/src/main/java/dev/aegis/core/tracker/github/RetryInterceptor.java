package dev.aegis.core.tracker.github;

import dev.aegis.core.tracker.github.GitHubSettings.RetryPolicy;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import java.util.Set;
import okhttp3.Interceptor;
import okhttp3.Request;
import okhttp3.Response;

/**
 * Retries what is safe to retry, within a {@link RetryPolicy}: a rate-limited answer (GitHub did not act on
 * the request, whatever its method) after the wait GitHub asks for, when that wait is short; a 5xx answer to
 * an idempotent method after an exponential backoff. A 5xx to a POST is not retried: GitHub may have acted
 * (created the comment, the branch) before failing, and the caller's own idempotency decides what to do.
 */
final class RetryInterceptor implements Interceptor {
  private static final Set<String> IDEMPOTENT = Set.of("GET", "HEAD", "PUT", "PATCH", "DELETE");

  private final RetryPolicy policy;
  private final Clock clock;
  private final Sleeper sleeper;

  RetryInterceptor(RetryPolicy policy, Clock clock, Sleeper sleeper) {
    this.policy = policy;
    this.clock = clock;
    this.sleeper = sleeper;
  }

  @Override
  public Response intercept(Chain chain) throws IOException {
    Request request = chain.request();
    for (int attempt = 1; ; attempt++) {
      Response response = chain.proceed(request);
      Optional<Duration> wait = attempt < policy.maxAttempts() ? waitBeforeRetry(request, response, attempt)
          : Optional.empty();
      if (wait.isEmpty()) {
        return response;
      }
      response.close();
      try {
        sleeper.sleep(wait.get());
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw (IOException) new InterruptedIOException("interrupted while waiting to retry").initCause(e);
      }
    }
  }

  private Optional<Duration> waitBeforeRetry(Request request, Response response, int attempt) {
    Optional<Duration> limited = RateLimitWait.of(response.code(), response::header, clock.instant());
    if (limited.isPresent()) {
      return limited.filter(wait -> wait.compareTo(policy.maxWait()) <= 0);
    }
    if (response.code() >= 500 && IDEMPOTENT.contains(request.method())) {
      Duration backoff = policy.backoff().multipliedBy(1L << Math.min(attempt - 1, 20));
      return Optional.of(backoff.compareTo(policy.maxWait()) > 0 ? policy.maxWait() : backoff);
    }
    return Optional.empty();
  }
}
