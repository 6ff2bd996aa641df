package dev.aegis.core.tracker.github;

import dev.aegis.core.tracker.github.GitHubSettings.RetryPolicy;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.time.Duration;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.regex.Pattern;

/**
 * Writes that GitHub does not treat as idempotent (a comment, a branch, a pull request), made safe to repeat:
 * when a write fails in a way that leaves open whether GitHub acted (no answer at all: a timeout or a dropped
 * connection; or a 5xx, which GitHub's front end also sends after its backend acted), the adapter first reads
 * whether the write happened (the comment carrying this write's marker, the branch at this claim commit, a pull
 * request open from this head) and writes again only when it did not.
 *
 * <p>Rate-limited answers to these writes come here too (the interceptor leaves them alone): GitHub documents
 * that it did not act on them, so the write is repeated after the wait GitHub asks for, but only after the same
 * read, which costs one request and survives a front end that answered 429 after its backend acted.
 *
 * <p>A guess that cannot be checked here: that once GitHub answered (or the read timed out), a write it
 * received is either visible to the next read or will never happen. A write that GitHub completes later still
 * makes a duplicate comment; its marker makes it recognisable, and the run ledger only ever reads the latest
 * status comment of a run. Branches and pull requests cannot be duplicated: GitHub refuses a second one with 422,
 * which the adapter resolves by the same read.
 */
final class LostAnswers {
  /** The hidden marker appended to every comment Aegis creates, naming that one write. */
  private static final Pattern MARKER = Pattern.compile("\\n*<!-- aegis:write [a-z0-9]+ -->\\s*\\z");

  private final RetryPolicy policy;
  private final Sleeper sleeper;
  private final Consumer<String> notices;

  LostAnswers(RetryPolicy policy, Sleeper sleeper, Consumer<String> notices) {
    this.policy = policy;
    this.sleeper = sleeper;
    this.notices = notices;
  }

  /** Tells the job's log about a transient failure survived (never with the token: callers name the write). */
  void notice(String text) {
    notices.accept(text);
  }

  /** A GitHub call. */
  @FunctionalInterface
  interface Call<T> {
    T run() throws IOException;
  }

  /**
   * Runs {@code write}; when it fails without saying whether GitHub acted, runs {@code find} and returns what it
   * found, else writes again (within the retry policy's attempts, after its backoff).
   *
   * @throws IOException the last failure, when the write neither succeeded nor was found
   */
  <T> T write(String what, Call<T> write, Call<Optional<T>> find) throws IOException {
    for (int attempt = 1; ; attempt++) {
      try {
        return write.run();
      } catch (IOException e) {
        Duration limited = GitHubErrors.retryAfter(e);
        if (!(mayHaveActed(e) || limited != null) || Thread.currentThread().isInterrupted()) {
          throw e;
        }
        // a rate-limited answer means GitHub did not act, as documented; reading first costs one request and
        // also covers a front end that answers 429 after the backend acted
        String why = GitHubErrors.status(e) == 0 ? "got no answer (" + e.getClass().getSimpleName() + ")"
            : "answered " + GitHubErrors.status(e);
        Optional<T> found = find.run();
        if (found.isPresent()) {
          notices.accept("GitHub " + why + " while " + what + ", but the write had happened: found it, not "
              + "writing it again");
          return found.get();
        }
        Duration wait = limited != null ? limited : backoff(attempt);
        if (attempt >= policy.maxAttempts() || wait.compareTo(policy.maxWait()) > 0) {
          throw e;
        }
        notices.accept("GitHub " + why + " while " + what + "; it did not happen, so writing it again in "
            + wait.toSeconds() + " s (attempt " + (attempt + 1) + " of " + policy.maxAttempts() + ")");
        pause(wait);
      }
    }
  }

  /**
   * True when GitHub may have carried out a request that failed this way: no HTTP answer arrived, or a 5xx did.
   * A 4xx (a refusal, a rate limit) means GitHub did not act.
   */
  static boolean mayHaveActed(IOException e) {
    int status = GitHubErrors.status(e);
    return status == 0 || status >= 500;
  }

  /** The marker for one comment write: a hidden HTML comment GitHub keeps verbatim, unseen by readers. */
  static String marker(String writeId) {
    return "<!-- aegis:write " + writeId + " -->";
  }

  /** The body as it was meant, without the write marker the adapter appended. */
  static String withoutMarker(String body) {
    return MARKER.matcher(body).replaceFirst("");
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
      throw (IOException) new InterruptedIOException("interrupted while waiting to write again").initCause(e);
    }
  }
}
