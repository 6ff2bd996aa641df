package dev.aegis.testkit.linear;

import java.util.Map;

/**
 * An attachment as {@link FakeLinear} holds it now: its URL (unique on the issue), what people see, who created it,
 * and its metadata exactly as stored.
 */
public record FakeAttachment(String url, String title, String subtitle, String creatorEmail,
    Map<String, Object> metadata) {
  public FakeAttachment {
    metadata = Map.copyOf(metadata);
  }
}
