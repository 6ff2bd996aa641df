package dev.aegis.core.tracker.github;

import java.io.IOException;
import java.time.Duration;

/**
 * An error answer from GitHub, as the adapter's own HTTP calls and rate-limit handlers see it. Never leaves
 * the package: {@link GitHubErrors} turns it into a {@link dev.aegis.core.tracker.TrackerException}.
 */
final class GitHubHttpException extends IOException {
  private static final long serialVersionUID = 1L;

  private final int status;
  private final String url;
  private final String githubMessage;
  private final transient Duration retryAfter;

  GitHubHttpException(int status, String url, String githubMessage, Duration retryAfter) {
    super(status + " " + githubMessage + " (" + url + ")");
    this.status = status;
    this.url = url;
    this.githubMessage = githubMessage == null ? "" : githubMessage;
    this.retryAfter = retryAfter;
  }

  int status() {
    return status;
  }

  String url() {
    return url;
  }

  /** GitHub's {@code message}, for example {@code Reference already exists}. */
  String githubMessage() {
    return githubMessage;
  }

  /** How long GitHub asked us to wait (rate limits), or null. */
  Duration retryAfter() {
    return retryAfter;
  }
}
