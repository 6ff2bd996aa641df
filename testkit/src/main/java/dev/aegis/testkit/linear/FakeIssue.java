package dev.aegis.testkit.linear;

import java.util.List;

/**
 * An issue as {@link FakeLinear} holds it now, for assertions.
 *
 * @param attachments attachments, in creation order
 */
public record FakeIssue(
    String id,
    String identifier,
    String title,
    String state,
    List<String> labels,
    List<FakeComment> comments,
    List<FakeAttachment> attachments,
    boolean trashed) {
  public FakeIssue {
    labels = List.copyOf(labels);
    comments = List.copyOf(comments);
    attachments = List.copyOf(attachments);
  }

  /** The attachments' URLs, in creation order. */
  public List<String> attachmentUrls() {
    return attachments.stream().map(FakeAttachment::url).toList();
  }
}
