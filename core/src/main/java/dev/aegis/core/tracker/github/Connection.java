package dev.aegis.core.tracker.github;

import dev.aegis.core.repo.CodeHost;
import dev.aegis.core.repo.RepositoryVariables;
import dev.aegis.core.tracker.Tracker;
import dev.aegis.core.tracker.github.Failures.Need;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.time.Duration;
import okhttp3.Cache;
import okhttp3.OkHttpClient;
import org.kohsuke.github.GHRepository;
import org.kohsuke.github.GitHub;
import org.kohsuke.github.GitHubBuilder;
import org.kohsuke.github.extras.okhttp3.OkHttpGitHubConnector;

/** The one OkHttp client, cache, hub4j instance and raw client behind a {@link GitHubConnection}. */
final class Connection implements GitHubConnection {
  private static final long CACHE_BYTES = 50L * 1024 * 1024;
  private static final Duration TIMEOUT = Duration.ofSeconds(30);

  private final GitHubSettings settings;
  private final OkHttpClient client;
  private final GitHub hub;
  private final Failures failures;
  private final GitHubTracker tracker;
  private final GitHubCodeHost codeHost;
  private final GitHubVariables variables;
  private volatile GHRepository repository;

  private final java.util.function.Supplier<String> tokens;

  Connection(GitHubSettings settings, Clock clock, Sleeper sleeper, java.util.function.Supplier<String> tokens) {
    this.settings = settings;
    this.tokens = tokens;
    this.failures = new Failures(settings);
    Cache cache = settings.cacheDirectory() == null ? null : new Cache(settings.cacheDirectory().toFile(), CACHE_BYTES);
    this.client = new OkHttpClient.Builder()
        .socketFactory(new dev.aegis.core.http.NoDelaySockets())
        .connectionSpecs(dev.aegis.core.http.ConnectionSpecs.forUrl(settings.apiUrl().toString()))
        .cache(cache)
        .addInterceptor(new RetryInterceptor(settings.retry(), clock, sleeper))
        .connectTimeout(TIMEOUT)
        .readTimeout(TIMEOUT)
        .writeTimeout(TIMEOUT)
        .build();
    try {
      this.hub = new GitHubBuilder()
          .withEndpoint(settings.apiUrl().toString().replaceAll("/+$", ""))
          // sends "Authorization: token ..." and, unlike withOAuthToken, no GET /user first; the token is
          // asked for on every request, so an App's installation token is replaced before it expires
          .withAuthorizationProvider(() -> "token " + tokens.get())
          // max-age 0: every cached GET is revalidated with If-None-Match; a 304 is served from the cache
          .withConnector(new OkHttpGitHubConnector(client, 0))
          .withRateLimitHandler(LimitHandlers.primary(clock))
          .withAbuseLimitHandler(LimitHandlers.secondary(clock))
          .build();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot set up the GitHub client", e);
    }
    Rest rest = new Rest(client, settings.apiUrl(), tokens, clock);
    this.tracker = new GitHubTracker(settings, this::repository, rest, failures);
    this.codeHost = new GitHubCodeHost(settings, this::repository, rest, failures, tokens);
    this.variables = new GitHubVariables(settings, rest, failures);
  }

  @Override
  public GitHubSettings settings() {
    return settings;
  }

  @Override
  public Tracker tracker() {
    return tracker;
  }

  @Override
  public CodeHost codeHost() {
    return codeHost;
  }

  @Override
  public RepositoryVariables variables() {
    return variables;
  }

  /** hub4j's handle on the repository, fetched once per connection (one {@code GET /repos/{owner}/{repo}}). */
  GHRepository repository() {
    GHRepository repo = repository;
    if (repo == null) {
      repo = failures.call("reading " + settings.repository(), Need.METADATA_READ,
          () -> hub.getRepository(settings.repository()));
      repository = repo;
    }
    return repo;
  }

  @Override
  public void close() {
    client.dispatcher().executorService().shutdown();
    client.connectionPool().evictAll();
    if (client.cache() != null) {
      try {
        client.cache().close();
      } catch (IOException e) {
        // nothing left to do with a cache that cannot close
      }
    }
  }
}
