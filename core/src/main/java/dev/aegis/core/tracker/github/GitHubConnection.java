package dev.aegis.core.tracker.github;

import dev.aegis.core.repo.CodeHost;
import dev.aegis.core.repo.RepositoryVariables;
import dev.aegis.core.tracker.Tracker;
import java.time.Clock;

/**
 * One repository on GitHub (or GitHub Enterprise Server), seen as Aegis's {@link Tracker}, {@link CodeHost}
 * and {@link RepositoryVariables}. All three share one HTTP client, one response cache (listings are
 * revalidated with {@code If-None-Match}; a 304 costs no rate limit) and one retry policy.
 *
 * <p>Opening makes no request. Close it to release the cache and the connection pool.
 */
public interface GitHubConnection extends AutoCloseable {

  /** Connects with the system clock, sleeping the thread between retries. */
  static GitHubConnection open(GitHubSettings settings) {
    return open(settings, Clock.systemUTC(), Sleeper.THREAD);
  }

  /**
   * Connects with an explicit clock (to read rate-limit reset times) and sleeper (to wait between retries).
   *
   * @throws IllegalArgumentException when the cache directory cannot be used
   */
  static GitHubConnection open(GitHubSettings settings, Clock clock, Sleeper sleeper) {
    return open(settings, clock, sleeper, notice -> { });
  }

  /**
   * As {@link #open(GitHubSettings, Clock, Sleeper)}, telling {@code notices} about each transient failure the
   * connection survives: a request sent again after a 5xx, a rate limit or a lost answer, or a write whose lost
   * answer was found by reading. Notices name the method and path, never the token.
   */
  static GitHubConnection open(GitHubSettings settings, Clock clock, Sleeper sleeper,
      java.util.function.Consumer<String> notices) {
    return open(settings, clock, sleeper, settings::token, notices);
  }

  /**
   * Connects with a token that may change between requests: a GitHub App's {@link InstallationTokens}, minted
   * again before each expires. {@code settings.token()} is not used.
   */
  static GitHubConnection open(GitHubSettings settings, java.util.function.Supplier<String> tokens) {
    return open(settings, Clock.systemUTC(), Sleeper.THREAD, tokens, notice -> { });
  }

  /** As {@link #open(GitHubSettings, java.util.function.Supplier)}, with a clock and sleeper for tests. */
  static GitHubConnection open(GitHubSettings settings, Clock clock, Sleeper sleeper,
      java.util.function.Supplier<String> tokens) {
    return open(settings, clock, sleeper, tokens, notice -> { });
  }

  /** Every part explicit: the token for each request and where notices of survived failures go. */
  static GitHubConnection open(GitHubSettings settings, Clock clock, Sleeper sleeper,
      java.util.function.Supplier<String> tokens, java.util.function.Consumer<String> notices) {
    return new GitHubRestConnection(settings, clock, sleeper, tokens, notices);
  }

  GitHubSettings settings();

  /** Issues of the repository. */
  Tracker tracker();

  /** Branches, commits and pull requests of the repository. */
  CodeHost codeHost();

  /** The repository's Actions variables. */
  RepositoryVariables variables();

  @Override
  void close();
}
