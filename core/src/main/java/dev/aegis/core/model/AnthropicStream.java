package dev.aegis.core.model;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.util.HashMap;
import java.util.Iterator;
import java.util.Map;

/**
 * Anthropic's Messages stream ({@code message_start}, {@code content_block_start}, {@code
 * content_block_delta} with {@code text_delta}, {@code input_json_delta}, {@code thinking_delta} or {@code
 * signature_delta}, {@code content_block_stop}, {@code message_delta}, {@code message_stop}, {@code ping},
 * {@code error}) folded into the Message a non-streamed request returns. A tool's input arrives as partial
 * JSON strings and is parsed once its block stops; {@code message_delta}'s usage counts are cumulative and
 * replace the ones from {@code message_start}.
 */
final class AnthropicStream implements ReplyStream {
  private final ObjectMapper json;
  private ObjectNode message;
  private final Map<Integer, StringBuilder> partialJson = new HashMap<>();
  private boolean complete;

  AnthropicStream(ObjectMapper json) {
    this.json = json;
  }

  @Override
  public boolean accept(String name, JsonNode data) {
    String type = data.path("type").asText(name);
    switch (type) {
      case "message_start" -> {
        message = data.path("message").isObject() ? (ObjectNode) data.get("message").deepCopy()
            : json.createObjectNode();
        if (!message.path("content").isArray()) {
          message.putArray("content");
        }
      }
      case "content_block_start" -> {
        ObjectNode block = data.path("content_block").isObject()
            ? (ObjectNode) data.get("content_block").deepCopy() : json.createObjectNode();
        block(index(data));
        content().set(index(data), block);
      }
      case "content_block_delta" -> delta(index(data), data.path("delta"));
      case "content_block_stop" -> stop(index(data));
      case "message_delta" -> {
        started();
        data.path("delta").fields().forEachRemaining(e -> message.set(e.getKey(), e.getValue()));
        JsonNode usage = data.path("usage");
        if (usage.isObject()) {
          ObjectNode total = message.path("usage").isObject() ? (ObjectNode) message.get("usage")
              : message.putObject("usage");
          for (Iterator<Map.Entry<String, JsonNode>> it = usage.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            if (!e.getValue().isNull()) {
              total.set(e.getKey(), e.getValue());
            }
          }
        }
      }
      case "message_stop" -> {
        started();
        complete = true;
        return false;
      }
      case "error" -> {
        JsonNode error = data.path("error");
        String kind = error.path("type").asText("api_error");
        throw new Failed(status(kind), kind + ": " + error.path("message").asText("an error inside the stream"));
      }
      default -> { /* ping and event types added later carry nothing the reply needs */ }
    }
    return true;
  }

  @Override
  public JsonNode reply() {
    return complete ? message : null;
  }

  private void delta(int index, JsonNode delta) {
    ObjectNode block = block(index);
    switch (delta.path("type").asText("")) {
      case "text_delta" -> block.put("text", block.path("text").asText("") + delta.path("text").asText(""));
      case "input_json_delta" ->
          partialJson.computeIfAbsent(index, i -> new StringBuilder()).append(delta.path("partial_json").asText(""));
      case "thinking_delta" ->
          block.put("thinking", block.path("thinking").asText("") + delta.path("thinking").asText(""));
      case "signature_delta" -> block.put("signature", delta.path("signature").asText(""));
      default -> { /* unknown delta kinds are not replayed */ }
    }
  }

  private void stop(int index) {
    StringBuilder partial = partialJson.remove(index);
    if (partial == null) {
      return;
    }
    ObjectNode block = block(index);
    String text = partial.toString();
    if (text.isBlank()) {
      block.putObject("input");
      return;
    }
    try {
      block.set("input", json.readTree(text));
    } catch (IOException e) {
      // what the model wrote is not JSON: hand it on as text, as the parser does with any raw input
      block.put("input", text);
    }
  }

  private ObjectNode block(int index) {
    ArrayNode content = content();
    while (content.size() <= index) {
      content.addObject();
    }
    return (ObjectNode) content.get(index);
  }

  private ArrayNode content() {
    started();
    return (ArrayNode) message.get("content");
  }

  private void started() {
    if (message == null) {
      throw new Failed(0, "the stream did not start with message_start");
    }
  }

  private static int index(JsonNode data) {
    return data.path("index").asInt(0);
  }

  /** The status Anthropic documents for each error type, so a streamed error retries like a plain one. */
  private static int status(String type) {
    return switch (type) {
      case "invalid_request_error" -> 400;
      case "authentication_error" -> 401;
      case "permission_error" -> 403;
      case "not_found_error" -> 404;
      case "request_too_large" -> 413;
      case "rate_limit_error" -> 429;
      case "overloaded_error" -> 529;
      default -> 500;
    };
  }
}
