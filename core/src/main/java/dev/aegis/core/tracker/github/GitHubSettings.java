package dev.aegis.core.tracker.github;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * How to reach one GitHub repository.
 *
 * @param apiUrl the REST API root: {@code https://api.github.com} (the default, and what Actions puts in
 *     {@code GITHUB_API_URL}), or {@code https://<host>/api/v3} for GitHub Enterprise Server
 * @param token the token to send ({@code GITHUB_TOKEN}, a personal access token or an app installation token);
 *     never logged and never part of a message
 * @param repository {@code owner/name}
 * @param readyLabel the label that marks a bug ready for Aegis, for example {@code ready to implement}
 * @param bugLabel the label that marks an issue as a bug, for example {@code bug}
 * @param cacheDirectory where HTTP responses are cached for ETag revalidation; null for no cache. One
 *     connection per directory at a time (OkHttp's cache is not shared between processes)
 * @param identityLogin the login Aegis acts as, when known; null means {@code github-actions[bot]}, which is
 *     who the workflow's {@code GITHUB_TOKEN} acts as (see {@link #identity()})
 * @param retry how transient failures are retried
 */
public record GitHubSettings(
    URI apiUrl,
    String token,
    String repository,
    String readyLabel,
    String bugLabel,
    Path cacheDirectory,
    String identityLogin,
    RetryPolicy retry) {

  /** GitHub.com's API root. */
  public static final URI DEFAULT_API_URL = URI.create("https://api.github.com");
  /** Who GitHub Actions' {@code GITHUB_TOKEN} acts as. */
  public static final String ACTIONS_LOGIN = "github-actions[bot]";

  private static final Pattern REPOSITORY = Pattern.compile("[A-Za-z0-9_.-]+/[A-Za-z0-9_.-]+");

  public GitHubSettings {
    apiUrl = Objects.requireNonNullElse(apiUrl, DEFAULT_API_URL);
    if (!"https".equals(apiUrl.getScheme()) && !"http".equals(apiUrl.getScheme())) {
      throw new IllegalArgumentException("GitHub API URL must be http(s): " + apiUrl);
    }
    Objects.requireNonNull(token, "token");
    if (token.isBlank()) {
      throw new IllegalArgumentException("GitHub token is empty (is GITHUB_TOKEN set?)");
    }
    Objects.requireNonNull(repository, "repository");
    if (!REPOSITORY.matcher(repository).matches()) {
      throw new IllegalArgumentException("repository must be owner/name: " + repository);
    }
    Objects.requireNonNull(readyLabel, "readyLabel");
    Objects.requireNonNull(bugLabel, "bugLabel");
    if (readyLabel.contains(",") || bugLabel.contains(",")) {
      throw new IllegalArgumentException("label names with commas cannot be filtered on by GitHub's API");
    }
    retry = Objects.requireNonNullElse(retry, RetryPolicy.DEFAULT);
  }

  /** Settings for GitHub.com with the default labels ({@code bug}, {@code ready to implement}) and no cache. */
  public static GitHubSettings of(String repository, String token) {
    return new GitHubSettings(null, token, repository, "ready to implement", "bug", null, null, null);
  }

  public GitHubSettings withApiUrl(URI url) {
    return new GitHubSettings(url, token, repository, readyLabel, bugLabel, cacheDirectory, identityLogin, retry);
  }

  public GitHubSettings withLabels(String ready, String bug) {
    return new GitHubSettings(apiUrl, token, repository, ready, bug, cacheDirectory, identityLogin, retry);
  }

  public GitHubSettings withCacheDirectory(Path dir) {
    return new GitHubSettings(apiUrl, token, repository, readyLabel, bugLabel, dir, identityLogin, retry);
  }

  public GitHubSettings withIdentityLogin(String login) {
    return new GitHubSettings(apiUrl, token, repository, readyLabel, bugLabel, cacheDirectory, login, retry);
  }

  public GitHubSettings withRetry(RetryPolicy policy) {
    return new GitHubSettings(apiUrl, token, repository, readyLabel, bugLabel, cacheDirectory, identityLogin,
        policy);
  }

  /** The repository owner. */
  public String owner() {
    return repository.substring(0, repository.indexOf('/'));
  }

  /** The repository name. */
  public String name() {
    return repository.substring(repository.indexOf('/') + 1);
  }

  /**
   * The login Aegis writes as: the configured one, else {@code github-actions[bot]}. An installation token
   * cannot ask GitHub who it is ({@code GET /user} answers 403 to integrations), so on Actions the identity is
   * known by convention; a personal access token on a laptop should configure its login.
   */
  public String identity() {
    return Optional.ofNullable(identityLogin).filter(s -> !s.isBlank()).orElse(ACTIONS_LOGIN);
  }

  /** Never shows the token. */
  @Override
  public String toString() {
    return "GitHubSettings[apiUrl=" + apiUrl + ", repository=" + repository + ", readyLabel=" + readyLabel
        + ", bugLabel=" + bugLabel + ", cacheDirectory=" + cacheDirectory + ", identity=" + identity()
        + ", retry=" + retry + ", token=***]";
  }

  /**
   * Bounded retries: 5xx answers, timeouts and dropped connections of requests that are idempotent on GitHub
   * are retried with exponential backoff from {@code backoff}; rate-limited answers (any method: GitHub did
   * not act on them) are retried after the wait GitHub asks for when that wait is at most {@code maxWait}.
   * Longer waits fail at once with a {@link dev.aegis.core.tracker.TrackerException} carrying
   * {@code retryAfter}. Writes that are not idempotent are resolved by reading instead (see the README's
   * "When GitHub fails").
   *
   * @param maxAttempts total attempts per request, at least 1
   * @param backoff first backoff after a 5xx or a lost answer, doubled on each further attempt
   * @param maxWait the longest wait worth sleeping through (backoff or rate limit)
   * @param timeout how long one attempt may take to connect, to send, and between bytes of the answer
   */
  public record RetryPolicy(int maxAttempts, Duration backoff, Duration maxWait, Duration timeout) {
    /** How long one attempt waits by default. */
    public static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(30);
    /**
     * 4 attempts, 1 s then 2 s then 4 s backoff, waits of up to 90 s: a secondary rate limit without a
     * {@code retry-after} asks for one minute, and one such limit must not end a job.
     */
    public static final RetryPolicy DEFAULT = new RetryPolicy(4, Duration.ofSeconds(1), Duration.ofSeconds(90));
    /** No retries. */
    public static final RetryPolicy NONE = new RetryPolicy(1, Duration.ZERO, Duration.ZERO);

    public RetryPolicy {
      if (maxAttempts < 1) {
        throw new IllegalArgumentException("maxAttempts must be at least 1: " + maxAttempts);
      }
      Objects.requireNonNull(backoff, "backoff");
      Objects.requireNonNull(maxWait, "maxWait");
      timeout = Objects.requireNonNullElse(timeout, DEFAULT_TIMEOUT);
      if (timeout.isNegative() || timeout.isZero()) {
        throw new IllegalArgumentException("timeout must be positive: " + timeout);
      }
    }

    /** With the default timeout of 30 s per attempt. */
    public RetryPolicy(int maxAttempts, Duration backoff, Duration maxWait) {
      this(maxAttempts, backoff, maxWait, DEFAULT_TIMEOUT);
    }

    /** This policy with another per-attempt timeout (tests use a short one against a silent fake). */
    public RetryPolicy withTimeout(Duration perAttempt) {
      return new RetryPolicy(maxAttempts, backoff, maxWait, perAttempt);
    }
  }
}
