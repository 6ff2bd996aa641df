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
    return new Connection(settings, clock, sleeper, settings::token);
  }

  /**
   * Connects with a token that may change between requests: a GitHub App's {@link InstallationTokens}, minted
   * again before each expires. {@code settings.token()} is not used.
   */
  static GitHubConnection open(GitHubSettings settings, java.util.function.Supplier<String> tokens) {
    return new Connection(settings, Clock.systemUTC(), Sleeper.THREAD, tokens);
  }

  /** As {@link #open(GitHubSettings, java.util.function.Supplier)}, with a clock and sleeper for tests. */
  static GitHubConnection open(GitHubSettings settings, Clock clock, Sleeper sleeper,
      java.util.function.Supplier<String> tokens) {
    return new Connection(settings, clock, sleeper, tokens);
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
