package dev.aegis.core.model;

import java.util.List;
import java.util.Objects;

/**
 * One turn of a conversation sent to a model. The system prompt is not a message: it travels in
 * {@link ModelRequest#system()} because the three wire formats place it differently.
 */
public sealed interface Message permits Message.User, Message.Assistant, Message.ToolResults {

  /** Text from the user side (the task, or a nudge from the engine). */
  record User(String text) implements Message {
    public User {
      Objects.requireNonNull(text, "text");
    }
  }

  /**
   * What the model said before: its text (may be empty) and the tool calls it made, replayed verbatim so
   * the provider can match the tool results that follow.
   */
  record Assistant(String text, List<ToolCall> toolCalls) implements Message {
    public Assistant {
      text = Objects.requireNonNullElse(text, "");
      toolCalls = List.copyOf(toolCalls);
    }
  }

  /** The results of every tool call of the previous assistant turn, in call order. */
  record ToolResults(List<ToolResult> results) implements Message {
    public ToolResults {
      results = List.copyOf(results);
      if (results.isEmpty()) {
        throw new IllegalArgumentException("tool results must not be empty");
      }
    }
  }
}
