package dev.aegis.core.host;

import dev.aegis.core.config.AegisConfig;
import dev.aegis.core.config.ConfigException;
import dev.aegis.core.config.ConfigKeys;
import dev.aegis.core.tracker.github.GitHubConnection;
import dev.aegis.core.tracker.Tracker;
import dev.aegis.core.tracker.github.GitHubApp;
import dev.aegis.core.tracker.github.GitHubSettings;
import dev.aegis.core.tracker.github.InstallationTokens;
import dev.aegis.core.tracker.linear.LinearRuntime;
import java.io.IOException;
import java.net.URI;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Connects to GitHub (or GitHub Enterprise Server) with the token from {@code GITHUB_TOKEN} (or
 * {@code GH_TOKEN}), and to Linear with {@code LINEAR_API_KEY} when {@code trackers} lists it. GitHub is always
 * the code host (Linear issues are fixed in the GitHub repository); it is a tracker only when listed. Responses are cached per repository under {@code AEGIS_CACHE_DIR} (default
 * {@code ~/.cache/aegis/http}) so repeated scans revalidate with ETags; a cache another process holds is
 * skipped rather than shared.
 */
final class GitHubConnector implements Connector {
  @Override
  public Connection connect(AegisConfig config, Map<String, String> env) {
    Optional<InstallationTokens> app = app(config, env);
    String token = app.map(InstallationTokens::token)
        .or(() -> Optional.ofNullable(env.get("GITHUB_TOKEN")).filter(t -> !t.isBlank()))
        .orElse(env.getOrDefault("GH_TOKEN", ""));
    if (token.isBlank()) {
      throw ConfigException.missingCredential("GITHUB_TOKEN",
          "is not set: Aegis needs a GitHub token with issues, contents and pull-requests access "
              + "(in a workflow the action passes secrets.GITHUB_TOKEN; locally, export GITHUB_TOKEN or run with --demo)");
    }
    String repository = config.text(ConfigKeys.GITHUB_REPOSITORY).orElseThrow(() -> new ConfigException(
        ConfigKeys.GITHUB_REPOSITORY, "configuration", "is not set: pass --repo owner/name, set GITHUB_REPOSITORY, "
            + "or run inside a checkout whose origin is on GitHub"));
    Optional<Lock> cache = cacheFor(env, repository);
    GitHubSettings settings = GitHubSettings.of(repository, token)
        .withApiUrl(URI.create(config.text(ConfigKeys.GITHUB_API_URL).orElseThrow()))
        .withLabels(config.readyLabel(), config.bugLabel())
        .withIdentityLogin(app.map(InstallationTokens::login).orElse(config.text(ConfigKeys.GITHUB_LOGIN).orElse(null)))
        .withCacheDirectory(cache.map(Lock::dir).orElse(null));
    app.ifPresent(tokens -> config.text(ConfigKeys.GITHUB_LOGIN)
        .filter(login -> !login.equalsIgnoreCase(tokens.login())).ifPresent(login -> {
          cache.ifPresent(Lock::release);
          throw new ConfigException(ConfigKeys.GITHUB_LOGIN, config.sourceOf(ConfigKeys.GITHUB_LOGIN), "is '" + login
              + "', but the GitHub App writes as '" + tokens.login() + "' (GET /app): remove github.login");
        }));
    List<Tracker> trackers = new ArrayList<>();
    LinearRuntime linear = config.tracks("linear") ? LinearRuntime.defaults() : null;
    GitHubConnection github;
    try {
      github = app.isPresent() ? GitHubConnection.open(settings, app.get()::token) : GitHubConnection.open(settings);
    } catch (RuntimeException e) {
      cache.ifPresent(Lock::release);
      throw e;
    }
    Runnable close = () -> {
      github.close();
      cache.ifPresent(Lock::release);
      if (linear != null) {
        linear.http().dispatcher().executorService().shutdown();
        linear.http().connectionPool().evictAll();
      }
    };
    try {
      for (String kind : config.trackers()) {
        trackers.add("linear".equals(kind) ? LinearConnector.tracker(config, env, linear) : github.tracker());
      }
    } catch (RuntimeException e) {
      close.run();
      throw e;
    }
    return new Connection(trackers, github.codeHost(), Optional.of(github.variables()), close);
  }

  /** The environment variables a GitHub App is given by (the CLI's and Jenkins'; the Action passes them). */
  static final String APP_ID = "AEGIS_GITHUB_APP_ID";
  static final String APP_KEY = "AEGIS_GITHUB_APP_KEY";
  static final String APP_KEY_FILE = "AEGIS_GITHUB_APP_KEY_FILE";

  /**
   * Installation tokens from a GitHub App, when {@value #APP_ID} is set with the private key in {@value #APP_KEY}
   * (the PEM itself) or {@value #APP_KEY_FILE} (its path). The first token is minted here, so a wrong id, key or
   * installation fails before anything else.
   */
  private static Optional<InstallationTokens> app(AegisConfig config, Map<String, String> env) {
    String id = env.getOrDefault(APP_ID, "").trim();
    if (id.isEmpty()) {
      return Optional.empty();
    }
    String pem = env.getOrDefault(APP_KEY, "");
    String file = env.getOrDefault(APP_KEY_FILE, "").trim();
    if (pem.isBlank() && !file.isEmpty()) {
      try {
        pem = java.nio.file.Files.readString(Path.of(file));
      } catch (IOException e) {
        throw ConfigException.missingCredential(APP_KEY_FILE, "names " + file + ", which cannot be read: " + e.getMessage());
      }
    }
    if (pem.isBlank()) {
      throw ConfigException.missingCredential(APP_KEY, "is not set: a GitHub App (" + APP_ID + ") needs its private key, "
          + "the .pem GitHub generated, in " + APP_KEY + " or as a file named by " + APP_KEY_FILE);
    }
    String repository = config.text(ConfigKeys.GITHUB_REPOSITORY).orElseThrow(() -> new ConfigException(
        ConfigKeys.GITHUB_REPOSITORY, "configuration", "is not set: pass --repo owner/name or set GITHUB_REPOSITORY"));
    GitHubApp app;
    try {
      app = GitHubApp.fromPem(id, pem);
    } catch (IllegalArgumentException e) {
      throw ConfigException.missingCredential(APP_KEY, e.getMessage());
    }
    InstallationTokens tokens = new InstallationTokens(app,
        URI.create(config.text(ConfigKeys.GITHUB_API_URL).orElseThrow()), repository, java.time.Clock.systemUTC());
    tokens.token();
    return Optional.of(tokens);
  }

  private static Optional<Lock> cacheFor(Map<String, String> env, String repository) {
    String base = env.get("AEGIS_CACHE_DIR");
    if (base == null || base.isBlank()) {
      String home = env.get("HOME");
      if (home == null || home.isBlank()) {
        return Optional.empty();
      }
      base = Path.of(home, ".cache", "aegis", "http").toString();
    }
    Path dir = Path.of(base).resolve(repository.replace('/', '_'));
    try {
      Files.createDirectories(dir);
      FileChannel channel = FileChannel.open(dir.resolve(".lock"), StandardOpenOption.CREATE, StandardOpenOption.WRITE);
      FileLock lock = channel.tryLock();
      if (lock == null) {
        channel.close();
        return Optional.empty();
      }
      return Optional.of(new Lock(dir, channel, lock));
    } catch (IOException | RuntimeException e) {
      return Optional.empty();
    }
  }

  private record Lock(Path dir, FileChannel channel, FileLock lock) {
    void release() {
      try {
        lock.release();
        channel.close();
      } catch (IOException e) {
        // the lock goes with the process anyway
      }
    }
  }
}
