package dev.aegis.core.model;

import java.util.Objects;

/**
 * The answer to one {@link ToolCall}.
 *
 * @param callId the id of the call answered
 * @param toolName the tool's name (the Responses and Chat formats do not need it; logs do)
 * @param content what the model sees, already redacted and capped
 * @param error true when the tool refused or failed; the model is told so
 */
public record ToolResult(String callId, String toolName, String content, boolean error) {
  public ToolResult {
    Objects.requireNonNull(callId, "callId");
    Objects.requireNonNull(toolName, "toolName");
    content = Objects.requireNonNullElse(content, "");
  }
}
