package dev.aegis.core.model;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * The Responses API stream: the final {@code response.completed} (or {@code response.incomplete}) event
 * carries the whole Response object a non-streamed request returns, so the deltas before it are not needed.
 * {@code response.failed} and {@code error} end the stream with the error they name.
 */
final class ResponsesStream implements ReplyStream {
  private JsonNode reply;

  @Override
  public boolean accept(String name, JsonNode data) {
    String type = data.path("type").asText(name);
    switch (type) {
      case "response.completed", "response.incomplete" -> {
        reply = data.path("response");
        return false;
      }
      case "response.failed" -> {
        JsonNode error = data.path("response").path("error");
        throw failed(error.path("code").asText("server_error"), error.path("message").asText("the response failed"));
      }
      case "error" -> {
        JsonNode error = data.path("error").isObject() ? data.path("error") : data;
        throw failed(error.path("code").asText(error.path("type").asText("server_error")),
            error.path("message").asText("an error inside the stream"));
      }
      default -> { /* created, in_progress and the deltas: the final event repeats all of it */ }
    }
    return true;
  }

  @Override
  public JsonNode reply() {
    return reply;
  }

  private static Failed failed(String code, String message) {
    int status = switch (code) {
      case "rate_limit_exceeded" -> 429;
      case "server_error", "" -> 500;
      case "invalid_prompt", "invalid_request_error", "context_length_exceeded" -> 400;
      default -> 500;
    };
    return new Failed(status, code + ": " + message);
  }
}
