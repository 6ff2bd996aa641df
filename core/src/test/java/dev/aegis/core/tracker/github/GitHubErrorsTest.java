package dev.aegis.core.tracker.github;

import static org.assertj.core.api.Assertions.assertThat;

import dev.aegis.core.tracker.TrackerException;
import java.io.IOException;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class GitHubErrorsTest {
  private final GitHubErrors failures = new GitHubErrors(GitHubSettings.of("octo-org/app", "ghs_secret"));

  @Test
  void validationErrorsKeepWhatEachErrorSays() {
    String body = "{\"message\":\"Validation Failed\",\"errors\":[{\"resource\":\"PullRequest\",\"code\":\"custom\","
        + "\"message\":\"A pull request already exists for octo-org:aegis/1-x.\"},"
        + "{\"resource\":\"Label\",\"field\":\"name\",\"code\":\"already_exists\"}]}";

    assertThat(GitHubErrors.messageOf(body)).isEqualTo("Validation Failed: A pull request already exists for "
        + "octo-org:aegis/1-x.; Label name already_exists");
    assertThat(GitHubErrors.messageOf("<html>Unicorn</html>")).isEqualTo("<html>Unicorn</html>");
  }

  @Test
  void notFoundSaysNotFoundOrInvisibleRatherThanAMissingPermission() {
    TrackerException e = failures.translate(
        new GitHubHttpException(404, "https://api.github.com/repos/octo-org/app/labels", "Not Found", null),
        "creating a label", GitHubErrors.Need.ISSUES_WRITE);

    assertThat(e.status()).isEqualTo(404);
    assertThat(e.getMessage()).startsWith("GitHub answered 404 while creating a label: not found, or the token "
        + "cannot see it.").contains("octo-org/app").doesNotContain("needs", "Issues: write", "refused");
  }

  @Test
  void forbiddenNamesTheMissingPermission() {
    TrackerException e = failures.translate(
        new GitHubHttpException(403, "https://api.github.com/repos/octo-org/app/labels",
            "Resource not accessible by integration", null), "creating a label", GitHubErrors.Need.ISSUES_WRITE);

    assertThat(e.getMessage()).isEqualTo("GitHub refused creating a label (403 Resource not accessible by "
        + "integration): the token needs Issues: write on octo-org/app.");
  }

  @Test
  void unreachableGitHubHasStatusZeroAndSaysWhyInOneLineWithoutLibraryWrappers() {
    IOException hub4j = new org.kohsuke.github.HttpException("Server returned HTTP response code: -1, message: "
        + "'null' for URL: https://api.github.com/repos/octo-org/app", -1, null,
        "https://api.github.com/repos/octo-org/app", new java.net.ConnectException("Failed to connect to /127.0.0.1:9"));

    TrackerException e = failures.translate(hub4j, "listing issues", GitHubErrors.Need.ISSUES_READ);

    assertThat(e.status()).isZero();
    assertThat(e.getMessage()).isEqualTo("cannot reach GitHub at https://api.github.com while listing issues "
        + "(Failed to connect to /127.0.0.1:9). Check github.api-url (GITHUB_API_URL, --api-url) and the network; "
        + "nothing was changed.");
    assertThat(e.retryAfter()).isEmpty();
  }

  @Test
  void rateLimitCarriesTheWait() {
    TrackerException e = failures.translate(
        new GitHubHttpException(429, "https://api.github.com/x", "rate limit exceeded", Duration.ofSeconds(90)),
        "listing issues", GitHubErrors.Need.ISSUES_READ);

    assertThat(e.rateLimited()).isTrue();
    assertThat(e.getMessage()).isEqualTo("GitHub rate limit reached while listing issues; retry after 90 s");
  }
}
