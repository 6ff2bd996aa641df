package dev.aegis.testkit.linear;

import java.util.List;

/** A comment as {@link FakeLinear} holds it now: author's email, body, and the emoji reacted to it. */
public record FakeComment(String id, String authorEmail, String body, boolean edited, List<String> reactions) {
  public FakeComment {
    reactions = List.copyOf(reactions);
  }
}
