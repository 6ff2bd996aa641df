package dev.aegis.testkit.github;

import java.util.List;

/**
 * What the fake holds for an issue or pull request, for assertions.
 *
 * @param number issue number
 * @param title title
 * @param body body, null when none
 * @param state {@code open} or {@code closed}
 * @param labels label names in the order they were added
 * @param author login of the author
 * @param pullRequest true for a pull request
 */
public record FakeIssue(int number, String title, String body, String state, List<String> labels, String author,
    boolean pullRequest) {
  public FakeIssue {
    labels = List.copyOf(labels);
  }

  /** True when the issue carries this label (compared case-insensitively, as GitHub does). */
  public boolean hasLabel(String name) {
    return labels.stream().anyMatch(l -> l.equalsIgnoreCase(name));
  }
}
