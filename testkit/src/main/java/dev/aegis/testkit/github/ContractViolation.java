package dev.aegis.testkit.github;

import java.util.Objects;

/**
 * A request or response that breaks GitHub's OpenAPI description.
 *
 * @param method request method
 * @param path request path (without {@code /api/v3})
 * @param status response status
 * @param key the validator's rule key, such as {@code validation.response.body.schema.required}
 * @param message what is wrong
 */
public record ContractViolation(String method, String path, int status, String key, String message) {
  public ContractViolation {
    Objects.requireNonNull(method, "method");
    Objects.requireNonNull(path, "path");
    Objects.requireNonNull(key, "key");
    Objects.requireNonNull(message, "message");
  }

  /** True when the violation is about the request the client sent (rather than the fake's response). */
  public boolean aboutRequest() {
    return key.startsWith("validation.request");
  }

  @Override
  public String toString() {
    return method + " " + path + " (" + status + ") " + key + ": " + message;
  }
}
