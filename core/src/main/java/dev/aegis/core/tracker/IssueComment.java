package dev.aegis.core.tracker;

import java.time.Instant;
import java.util.Objects;

/**
 * A comment on an issue, as stored by the tracker. The body is raw: Aegis's own status comments carry a
 * hidden state block that must survive reading. Anything that interprets what a person wrote must pass it
 * through {@link dev.aegis.core.text.UntrustedText#clean(String)} first.
 *
 * @param id tracker id of the comment, never null
 * @param author who wrote it
 * @param body raw body
 * @param createdAt creation time
 * @param updatedAt last edit time
 */
public record IssueComment(String id, Author author, String body, Instant createdAt, Instant updatedAt) {
  public IssueComment {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(author, "author");
    body = Objects.requireNonNullElse(body, "");
    Objects.requireNonNull(createdAt, "createdAt");
    Objects.requireNonNull(updatedAt, "updatedAt");
  }
}
