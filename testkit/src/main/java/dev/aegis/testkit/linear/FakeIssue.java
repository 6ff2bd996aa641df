package dev.aegis.testkit.linear;

import java.util.List;

/**
 * An issue as {@link FakeLinear} holds it now, for assertions.
 *
 * @param attachments attached URLs, in creation order
 */
public record FakeIssue(
    String id,
    String identifier,
    String title,
    String state,
    List<String> labels,
    List<FakeComment> comments,
    List<String> attachments,
    boolean trashed) {
  public FakeIssue {
    labels = List.copyOf(labels);
    comments = List.copyOf(comments);
    attachments = List.copyOf(attachments);
  }
}
