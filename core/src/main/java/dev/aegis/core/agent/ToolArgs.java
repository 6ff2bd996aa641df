package dev.aegis.core.agent;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/** Typed access to a tool call's arguments; a missing or mistyped one is a {@link ToolError}. */
record ToolArgs(String tool, ObjectNode node) {

  String string(String name) {
    JsonNode value = node.get(name);
    if (value == null || value.isNull()) {
      throw new ToolError(tool + " needs the argument '" + name + "' (a string)");
    }
    if (!value.isTextual()) {
      throw new ToolError(tool + ": argument '" + name + "' must be a string, got " + value.getNodeType());
    }
    return value.asText();
  }

  String optionalString(String name, String fallback) {
    JsonNode value = node.get(name);
    return value == null || value.isNull() ? fallback : string(name);
  }

  int optionalInt(String name, int fallback) {
    JsonNode value = node.get(name);
    if (value == null || value.isNull()) {
      return fallback;
    }
    if (value.canConvertToInt() && value.isIntegralNumber()) {
      return value.asInt();
    }
    if (value.isTextual() && value.asText().trim().matches("\\d{1,9}")) {
      return Integer.parseInt(value.asText().trim());
    }
    throw new ToolError(tool + ": argument '" + name + "' must be an integer, got " + value);
  }

  /** A tool call the tool itself rejects; the message goes back to the model. */
  static final class ToolError extends RuntimeException {
    private static final long serialVersionUID = 1L;

    ToolError(String message) {
      super(message);
    }
  }
}
