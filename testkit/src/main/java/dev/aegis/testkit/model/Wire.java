package dev.aegis.testkit.model;

/** The three model wire formats the scripted server speaks, told apart by the request path. */
public enum Wire {
  /** OpenAI Chat Completions: {@code POST .../chat/completions}. */
  CHAT_COMPLETIONS,
  /** OpenAI Responses: {@code POST .../responses}. */
  RESPONSES,
  /** Anthropic Messages: {@code POST .../messages}. */
  ANTHROPIC_MESSAGES;

  static Wire of(String path) {
    if (path.endsWith("/chat/completions")) {
      return CHAT_COMPLETIONS;
    }
    if (path.endsWith("/responses")) {
      return RESPONSES;
    }
    if (path.endsWith("/messages")) {
      return ANTHROPIC_MESSAGES;
    }
    return null;
  }
}
