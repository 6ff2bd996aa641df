package dev.aegis.core.tracker.github;

import dev.aegis.core.tracker.github.GitHubSettings.RetryPolicy;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;
import java.util.regex.Pattern;
import okhttp3.Interceptor;
import okhttp3.Request;
import okhttp3.Response;

/**
 * Retries what is safe to retry, within a {@link RetryPolicy}:
 *
 * <ul>
 *   <li>a rate-limited answer, whatever the method (GitHub did not act on the request), after the wait GitHub
 *       asks for ({@code retry-after}, the primary limit's reset, or for a secondary limit without a figure
 *       one minute, doubling on each further one, as GitHub's guidance says) when that wait is at most
 *       {@link RetryPolicy#maxWait()};
 *   <li>a 5xx answer, a timeout or a dropped connection to a request that is idempotent on GitHub, after an
 *       exponential backoff: GET, PUT, PATCH (Aegis always sends the whole body), DELETE, and the POSTs that
 *       GitHub treats as idempotent (see {@link #SAFE_POSTS}).
 * </ul>
 *
 * <p>Other POSTs are not retried after a 5xx or a lost answer: GitHub may have acted before the answer was
 * lost. A comment, a branch and a pull request ({@link #READ_FIRST}) are resolved by reading first, even after a
 * rate limit, and then written again after the wait GitHub asks for ({@link LostAnswers}). OkHttp's own silent
 * retry on a failed connection is off for the same reason (see {@link GitHubRestConnection}).
 */
final class RetryInterceptor implements Interceptor {
  private static final Set<String> IDEMPOTENT = Set.of("GET", "HEAD", "PUT", "PATCH", "DELETE");
  /**
   * POSTs that may be sent twice: adding labels to an issue (by name: a label already there stays once),
   * reacting to a comment (GitHub answers 200 with the existing reaction), creating a commit object (a second
   * one is an unreferenced object, never on a branch) and creating a repository label (the second answers 422
   * {@code already_exists}, which the caller treats as done).
   */
  static final Pattern SAFE_POSTS = Pattern.compile(
      ".*/repos/[^/]+/[^/]+/(issues/\\d+/labels|issues/comments/\\d+/reactions|git/commits|labels)/?");

  /** The POSTs that are resolved by reading when their answer is lost: a comment, a branch, a pull request. */
  static final Pattern READ_FIRST = Pattern.compile(
      ".*/repos/[^/]+/[^/]+/(issues/\\d+/comments|git/refs|pulls)/?");

  private final RetryPolicy policy;
  private final Clock clock;
  private final Sleeper sleeper;
  private final Consumer<String> notices;

  RetryInterceptor(RetryPolicy policy, Clock clock, Sleeper sleeper, Consumer<String> notices) {
    this.policy = policy;
    this.clock = clock;
    this.sleeper = sleeper;
    this.notices = notices;
  }

  @Override
  public Response intercept(Chain chain) throws IOException {
    Request request = chain.request();
    int secondaryLimits = 0;
    for (int attempt = 1; ; attempt++) {
      boolean last = attempt >= policy.maxAttempts();
      Response response;
      try {
        response = chain.proceed(request);
      } catch (IOException e) {
        if (!safe(request) && (e instanceof java.net.SocketException || e instanceof java.net.SocketTimeoutException)) {
          // hub4j sends a request again after these two, POSTs included: a plain IOException keeps it from
          // doing so blindly, and the adapter resolves the lost answer by reading (LostAnswers)
          throw new IOException("no answer from GitHub to " + request.method() + " " + request.url().encodedPath()
              + " (" + e.getClass().getSimpleName() + ")", e);
        }
        if (last || !retriesWithoutAnswer(request, e)) {
          throw e;
        }
        Duration wait = backoff(attempt);
        notice(request, "no answer (" + e.getClass().getSimpleName() + ")", wait, attempt);
        pause(wait);
        continue;
      }
      Optional<Duration> limited = RateLimitWait.of(response.code(), response::header, clock.instant());
      Optional<Duration> wait;
      if (limited.isPresent() && readFirst(request)) {
        wait = Optional.empty(); // LostAnswers reads first, then waits as asked and writes again
      } else if (limited.isPresent()) {
        boolean guessed = response.header("retry-after") == null && !"0".equals(response.header("x-ratelimit-remaining"));
        Duration asked = guessed ? limited.get().multipliedBy(1L << Math.min(secondaryLimits, 10)) : limited.get();
        secondaryLimits += guessed ? 1 : 0;
        wait = Optional.of(asked).filter(w -> w.compareTo(policy.maxWait()) <= 0);
      } else {
        wait = response.code() >= 500 && safe(request) ? Optional.of(backoff(attempt)) : Optional.empty();
      }
      if (last || wait.isEmpty()) {
        return response;
      }
      response.close();
      notice(request, "answered " + response.code() + (limited.isPresent() ? " (rate limited)" : ""), wait.get(),
          attempt);
      pause(wait.get());
    }
  }

  /** True for the writes {@link LostAnswers} resolves by reading: it also waits out their rate limits. */
  static boolean readFirst(Request request) {
    return request.method().equals("POST") && READ_FIRST.matcher(request.url().encodedPath()).matches();
  }

  /** True when {@code request} may be sent again whatever GitHub did with the first one. */
  static boolean safe(Request request) {
    return IDEMPOTENT.contains(request.method())
        || request.method().equals("POST") && SAFE_POSTS.matcher(request.url().encodedPath()).matches();
  }

  /** A safe request that got no answer (timeout, reset) is sent again; an interrupted thread stops. */
  private static boolean retriesWithoutAnswer(Request request, IOException e) {
    return safe(request) && !Thread.currentThread().isInterrupted()
        && (!(e instanceof InterruptedIOException) || e instanceof java.net.SocketTimeoutException
            || "timeout".equals(e.getMessage()));
  }

  private void notice(Request request, String what, Duration wait, int attempt) {
    notices.accept("GitHub " + what + " to " + request.method() + " " + request.url().encodedPath()
        + "; sending it again in " + wait.toSeconds() + " s (attempt " + (attempt + 1) + " of " + policy.maxAttempts()
        + ")");
  }

  private Duration backoff(int attempt) {
    Duration backoff = policy.backoff().multipliedBy(1L << Math.min(attempt - 1, 20));
    return backoff.compareTo(policy.maxWait()) > 0 ? policy.maxWait() : backoff;
  }

  private void pause(Duration wait) throws IOException {
    try {
      sleeper.sleep(wait);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw (IOException) new InterruptedIOException("interrupted while waiting to retry").initCause(e);
    }
  }
}
