package dev.aegis.core.model;

import java.util.Objects;

/**
 * A tool call as the model made it.
 *
 * @param id the provider's call id, echoed back in the matching {@link ToolResult}
 * @param name the tool name
 * @param arguments the arguments exactly as the model wrote them (a JSON object when the model behaves;
 *     anything else is reported back to the model as a tool error)
 */
public record ToolCall(String id, String name, String arguments) {
  public ToolCall {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(name, "name");
    arguments = Objects.requireNonNullElse(arguments, "");
  }
}
