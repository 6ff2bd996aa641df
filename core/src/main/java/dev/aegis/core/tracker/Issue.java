package dev.aegis.core.tracker;

import dev.aegis.core.text.UntrustedText;
import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * An issue as Aegis sees it. Title and body come from untrusted people: they are cleaned (HTML comments and
 * invisible characters removed) when the record is built, so nothing downstream ever reads the raw text.
 *
 * @param key which issue
 * @param title cleaned title
 * @param body cleaned body, empty when the issue has none
 * @param labels label names (GitHub) or label names plus workflow state (Linear)
 * @param state {@code open}/{@code closed} on GitHub, the workflow state name on Linear
 * @param author who opened it
 * @param createdAt creation time
 * @param updatedAt last update time
 * @param url the issue's web address
 */
public record Issue(
    IssueKey key,
    String title,
    String body,
    List<String> labels,
    String state,
    Author author,
    Instant createdAt,
    Instant updatedAt,
    String url) {

  public Issue {
    Objects.requireNonNull(key, "key");
    title = UntrustedText.clean(Objects.requireNonNullElse(title, ""));
    body = UntrustedText.clean(Objects.requireNonNullElse(body, ""));
    labels = List.copyOf(labels);
    Objects.requireNonNull(state, "state");
    Objects.requireNonNull(author, "author");
    Objects.requireNonNull(createdAt, "createdAt");
    Objects.requireNonNull(updatedAt, "updatedAt");
    url = Objects.requireNonNullElse(url, "");
  }

  /** True when the issue carries a label with this name, compared case-insensitively as GitHub does. */
  public boolean hasLabel(String name) {
    return labels.stream().anyMatch(l -> l.equalsIgnoreCase(name));
  }
}
