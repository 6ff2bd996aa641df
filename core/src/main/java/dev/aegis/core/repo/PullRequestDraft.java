package dev.aegis.core.repo;

import java.util.List;
import java.util.Objects;

/**
 * What to open a pull request with.
 *
 * @param title PR title
 * @param body PR body (Markdown), already redacted of secrets
 * @param head branch with the change
 * @param base branch to merge into
 * @param labels labels to put on the PR
 */
public record PullRequestDraft(String title, String body, String head, String base, List<String> labels) {
  public PullRequestDraft {
    Objects.requireNonNull(title, "title");
    Objects.requireNonNull(body, "body");
    Objects.requireNonNull(head, "head");
    Objects.requireNonNull(base, "base");
    labels = List.copyOf(labels);
  }
}
