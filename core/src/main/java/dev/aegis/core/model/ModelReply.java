package dev.aegis.core.model;

import java.util.List;
import java.util.Objects;

/**
 * What the model answered.
 *
 * @param text the reply's text, empty when it only called tools
 * @param toolCalls the tool calls, in order; empty when none
 * @param finishReason why the model stopped
 * @param usage the tokens this call used, as the provider reported them
 */
public record ModelReply(String text, List<ToolCall> toolCalls, FinishReason finishReason, Usage usage) {
  public ModelReply {
    text = Objects.requireNonNullElse(text, "");
    toolCalls = List.copyOf(toolCalls);
    Objects.requireNonNull(finishReason, "finishReason");
    Objects.requireNonNull(usage, "usage");
  }

  /** Why a model stopped writing. */
  public enum FinishReason {
    /** It finished its turn. */
    END_TURN,
    /** It wants tool results. */
    TOOL_CALLS,
    /** It hit {@link ModelRequest#maxOutputTokens()}. */
    MAX_TOKENS,
    /** The provider filtered the reply. */
    CONTENT_FILTER,
    /** Anything else the provider said. */
    OTHER
  }
}
