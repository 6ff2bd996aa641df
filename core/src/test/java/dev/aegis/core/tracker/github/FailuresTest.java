package dev.aegis.core.tracker.github;

import static org.assertj.core.api.Assertions.assertThat;

import dev.aegis.core.tracker.TrackerException;
import java.io.IOException;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class FailuresTest {
  private final Failures failures = new Failures(GitHubSettings.of("octo-org/app", "ghs_secret"));

  @Test
  void validationErrorsKeepWhatEachErrorSays() {
    String body = "{\"message\":\"Validation Failed\",\"errors\":[{\"resource\":\"PullRequest\",\"code\":\"custom\","
        + "\"message\":\"A pull request already exists for octo-org:aegis/1-x.\"},"
        + "{\"resource\":\"Label\",\"field\":\"name\",\"code\":\"already_exists\"}]}";

    assertThat(Failures.messageOf(body)).isEqualTo("Validation Failed: A pull request already exists for "
        + "octo-org:aegis/1-x.; Label name already_exists");
    assertThat(Failures.messageOf("<html>Unicorn</html>")).isEqualTo("<html>Unicorn</html>");
  }

  @Test
  void notFoundOnARepositoryCallNamesTheMissingPermission() {
    TrackerException e = failures.translate(
        new GitHubHttpException(404, "https://api.github.com/repos/octo-org/app/labels", "Not Found", null),
        "creating a label", Failures.Need.ISSUES_WRITE);

    assertThat(e.status()).isEqualTo(404);
    assertThat(e.getMessage()).isEqualTo(
        "GitHub refused creating a label (404 Not Found): the token needs Issues: write on octo-org/app.");
  }

  @Test
  void unreachableGitHubHasStatusZeroAndNamesTheApi() {
    TrackerException e = failures.translate(new IOException("connection refused"), "listing issues",
        Failures.Need.ISSUES_READ);

    assertThat(e.status()).isZero();
    assertThat(e.getMessage()).startsWith("cannot reach GitHub at https://api.github.com while listing issues");
    assertThat(e.retryAfter()).isEmpty();
  }

  @Test
  void rateLimitCarriesTheWait() {
    TrackerException e = failures.translate(
        new GitHubHttpException(429, "https://api.github.com/x", "rate limit exceeded", Duration.ofSeconds(90)),
        "listing issues", Failures.Need.ISSUES_READ);

    assertThat(e.rateLimited()).isTrue();
    assertThat(e.getMessage()).isEqualTo("GitHub rate limit reached while listing issues; retry after 90 s");
  }
}
