package dev.aegis.core.tracker.github;

import dev.aegis.core.tracker.TrackerException;
import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.kohsuke.github.GHApp;
import org.kohsuke.github.GHAppInstallation;
import org.kohsuke.github.GHAppInstallationToken;
import org.kohsuke.github.GHPermissionType;
import org.kohsuke.github.GitHub;
import org.kohsuke.github.GitHubBuilder;
import org.kohsuke.github.extras.authorization.JWTTokenProvider;

/**
 * Short-lived installation tokens for one repository, minted from a {@link GitHubApp}: a JWT signed with the
 * App's key (hub4j's {@code JWTTokenProvider}, over jjwt: {@code iat} 60 s in the past, {@code exp} under 10
 * minutes), the App's installation on the repository ({@code GET /repos/{owner}/{repo}/installation}), then
 * {@code POST /app/installations/{id}/access_tokens} narrowed to that one repository and the permissions Aegis
 * needs. A token lasts an hour; a new one is minted when the current one has less than {@link #MARGIN} left, so
 * a long run or a Jenkins worker never sends an expired token. The App's bot login, {@code <slug>[bot]}, comes
 * from {@code GET /app}, never from configuration.
 */
public final class InstallationTokens {
  /** How long before expiry a token is replaced. */
  public static final Duration MARGIN = Duration.ofMinutes(10);
  /** What Aegis asks for, and nothing more: issues, contents and pull requests write; metadata read. */
  static final Map<String, GHPermissionType> PERMISSIONS = Map.of(
      "issues", GHPermissionType.WRITE, "contents", GHPermissionType.WRITE,
      "pull_requests", GHPermissionType.WRITE, "metadata", GHPermissionType.READ);

  private final GitHubSettings settings;
  private final GitHub asApp;
  private final Clock clock;
  private String login;
  private GHAppInstallation installation;
  private String token;
  private Instant expiresAt = Instant.MIN;

  /**
   * @param settings where the repository is ({@code apiUrl}, {@code repository}); its token is not used
   */
  public InstallationTokens(GitHubApp app, java.net.URI apiUrl, String repository, Clock clock) {
    this.settings = GitHubSettings.of(repository, "unused").withApiUrl(apiUrl);
    this.clock = clock;
    try {
      this.asApp = new GitHubBuilder()
          .withEndpoint(apiUrl.toString().replaceAll("/+$", ""))
          .withAuthorizationProvider(new JWTTokenProvider(app.appId(), app.privateKey()))
          .build();
    } catch (IOException e) {
      throw new java.io.UncheckedIOException("cannot set up the GitHub App client", e);
    }
  }

  /** The App's bot login, {@code <slug>[bot]} ({@code GET /app}, once). */
  public synchronized String login() {
    if (login == null) {
      GHApp app = call("reading the GitHub App (GET /app)", asApp::getApp);
      login = app.getSlug() + "[bot]";
    }
    return login;
  }

  /** A token valid for at least {@link #MARGIN}, minted when needed. */
  public synchronized String token() {
    if (token == null || !clock.instant().isBefore(expiresAt.minus(MARGIN))) {
      mint();
    }
    return token;
  }

  private void mint() {
    if (installation == null) {
      installation = call("finding the App's installation on " + settings.repository(),
          () -> asApp.getApp().getInstallationByRepository(settings.owner(), settings.name()));
    }
    GHAppInstallationToken minted = call("creating an installation token for " + settings.repository(),
        () -> installation.createToken().repositories(List.of(settings.name())).permissions(PERMISSIONS).create());
    token = minted.getToken();
    try {
      expiresAt = minted.getExpiresAt().toInstant();
    } catch (IOException e) {
      expiresAt = clock.instant().plus(Duration.ofMinutes(55));
    }
  }

  private interface Io<T> {
    T get() throws IOException;
  }

  private <T> T call(String what, Io<T> io) {
    try {
      return io.get();
    } catch (IOException e) {
      int status = Failures.status(e);
      String hint = switch (status) {
        case 401 -> ": GitHub refused the App's JWT (check the App id and that the private key is the App's current one)";
        case 404 -> ": not found (is the App installed on " + settings.repository() + "?)";
        case 422 -> ": the installation does not grant what Aegis needs (issues, contents and pull requests: write)";
        default -> ": " + e.getMessage();
      };
      throw new TrackerException("GitHub App: " + what + " failed" + hint, status, settings.apiUrl().toString());
    }
  }
}
