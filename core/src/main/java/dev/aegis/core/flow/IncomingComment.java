package dev.aegis.core.flow;

import dev.aegis.core.tracker.Author;
import java.util.Objects;

/**
 * A comment as it reached Aegis: from the event payload (acted on exactly as delivered, never re-fetched,
 * so an edit after the fact cannot change what was approved) or from a polling scan.
 *
 * @param id the comment id
 * @param author who wrote it
 * @param body the body as delivered (raw; commands are parsed from its cleaned text)
 */
public record IncomingComment(String id, Author author, String body) {
  public IncomingComment {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(author, "author");
    body = Objects.requireNonNullElse(body, "");
  }
}
