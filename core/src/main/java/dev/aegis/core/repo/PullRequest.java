package dev.aegis.core.repo;

import java.util.Objects;

/**
 * An open pull request.
 *
 * @param number PR number
 * @param url web address
 * @param head head branch name
 */
public record PullRequest(int number, String url, String head) {
  public PullRequest {
    Objects.requireNonNull(url, "url");
    Objects.requireNonNull(head, "head");
  }
}
