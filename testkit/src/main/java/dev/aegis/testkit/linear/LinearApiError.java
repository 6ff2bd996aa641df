package dev.aegis.testkit.linear;

import java.util.LinkedHashMap;
import java.util.Map;

/** An error the fake answers the way Linear does: a GraphQL error whose extensions carry code and type. */
final class LinearApiError extends RuntimeException {
  private static final long serialVersionUID = 1L;

  private final String code;
  private final String type;
  private final String presentable;

  private LinearApiError(String message, String code, String type, String presentable) {
    super(message);
    this.code = code;
    this.type = type;
    this.presentable = presentable;
  }

  static LinearApiError notFound(String entity) {
    return new LinearApiError(
        "Entity not found: " + entity, "INVALID_INPUT", "invalid input", "Could not find referenced " + entity + ".");
  }

  static LinearApiError invalidInput(String message) {
    return new LinearApiError(message, "INVALID_INPUT", "invalid input", message);
  }

  static LinearApiError forbidden(String message) {
    return new LinearApiError(message, "FORBIDDEN", "forbidden", message);
  }

  Map<String, Object> extensions() {
    Map<String, Object> extensions = new LinkedHashMap<>();
    extensions.put("code", code);
    extensions.put("type", type);
    extensions.put("userError", true);
    extensions.put("userPresentableMessage", presentable);
    return extensions;
  }
}
