package dev.aegis.core.model;

import java.util.List;
import java.util.Objects;

/**
 * One call to a model: the whole conversation so far (the clients are stateless).
 *
 * @param system the system prompt, never null
 * @param messages the conversation, oldest first; must not be empty
 * @param tools the tools the model may call
 * @param maxOutputTokens the cap on the reply's length, positive
 */
public record ModelRequest(String system, List<Message> messages, List<ToolSpec> tools, int maxOutputTokens) {
  public ModelRequest {
    Objects.requireNonNull(system, "system");
    messages = List.copyOf(messages);
    tools = List.copyOf(tools);
    if (messages.isEmpty()) {
      throw new IllegalArgumentException("a request needs at least one message");
    }
    if (maxOutputTokens <= 0) {
      throw new IllegalArgumentException("maxOutputTokens must be positive: " + maxOutputTokens);
    }
  }
}
