package dev.aegis.testkit.model;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/** Renders one script step as a reply in a wire format, following each API's documented reply shape. */
final class WireReplies {
  private final ObjectMapper json;

  WireReplies(ObjectMapper json) {
    this.json = json;
  }

  ObjectNode reply(Wire wire, JsonNode step, String model, int number, long inTokens, long outTokens) {
    long cached = step.path("usage").path("cached").asLong(0);
    long in = step.path("usage").path("input").asLong(inTokens);
    long out = step.path("usage").path("output").asLong(outTokens);
    return switch (wire) {
      case CHAT_COMPLETIONS -> chat(step, model, number, in, out, cached);
      case RESPONSES -> responses(step, model, number, in, out, cached);
      case ANTHROPIC_MESSAGES -> anthropic(step, model, number, in, out, cached);
    };
  }

  private ObjectNode chat(JsonNode step, String model, int number, long in, long out, long cached) {
    ObjectNode body = json.createObjectNode().put("id", "chatcmpl-" + number).put("object", "chat.completion")
        .put("created", 1_760_000_000L + number).put("model", model);
    ObjectNode choice = body.putArray("choices").addObject().put("index", 0);
    ObjectNode message = choice.putObject("message").put("role", "assistant");
    String text = step.path("text").asText("");
    if (text.isEmpty()) {
      message.putNull("content");
    } else {
      message.put("content", text);
    }
    message.putNull("refusal");
    ArrayNode calls = json.createArrayNode();
    int k = 0;
    for (JsonNode call : step.path("toolCalls")) {
      ObjectNode c = calls.addObject().put("id", callId(call, "call_", number, ++k)).put("type", "function");
      c.putObject("function").put("name", call.path("name").asText()).put("arguments", arguments(call));
    }
    if (!calls.isEmpty()) {
      message.set("tool_calls", calls);
    }
    choice.putNull("logprobs");
    choice.put("finish_reason", maxTokens(step) ? "length" : calls.isEmpty() ? "stop" : "tool_calls");
    ObjectNode usage = body.putObject("usage").put("prompt_tokens", in).put("completion_tokens", out)
        .put("total_tokens", in + out);
    usage.putObject("prompt_tokens_details").put("cached_tokens", cached);
    return body;
  }

  private ObjectNode responses(JsonNode step, String model, int number, long in, long out, long cached) {
    ObjectNode body = json.createObjectNode().put("id", "resp_" + number).put("object", "response")
        .put("created_at", 1_760_000_000L + number).put("status", maxTokens(step) ? "incomplete" : "completed")
        .put("model", model);
    if (maxTokens(step)) {
      body.putObject("incomplete_details").put("reason", "max_output_tokens");
    } else {
      body.putNull("incomplete_details");
    }
    ArrayNode output = body.putArray("output");
    String text = step.path("text").asText("");
    if (!text.isEmpty()) {
      ObjectNode message = output.addObject().put("type", "message").put("id", "msg_" + number)
          .put("status", "completed").put("role", "assistant");
      message.putArray("content").addObject().put("type", "output_text").put("text", text)
          .putArray("annotations");
    }
    int k = 0;
    for (JsonNode call : step.path("toolCalls")) {
      k++;
      output.addObject().put("type", "function_call").put("id", "fc_" + number + "_" + k)
          .put("call_id", callId(call, "call_", number, k)).put("name", call.path("name").asText())
          .put("arguments", arguments(call)).put("status", "completed");
    }
    ObjectNode usage = body.putObject("usage").put("input_tokens", in);
    usage.putObject("input_tokens_details").put("cached_tokens", cached);
    usage.put("output_tokens", out);
    usage.putObject("output_tokens_details").put("reasoning_tokens", 0);
    usage.put("total_tokens", in + out);
    return body;
  }

  private ObjectNode anthropic(JsonNode step, String model, int number, long in, long out, long cached) {
    ObjectNode body = json.createObjectNode().put("id", "msg_" + number).put("type", "message")
        .put("role", "assistant").put("model", model);
    ArrayNode content = body.putArray("content");
    String text = step.path("text").asText("");
    if (!text.isEmpty()) {
      content.addObject().put("type", "text").put("text", text);
    }
    int k = 0;
    for (JsonNode call : step.path("toolCalls")) {
      ObjectNode block = content.addObject().put("type", "tool_use").put("id", callId(call, "toolu_", number, ++k))
          .put("name", call.path("name").asText());
      JsonNode input = parsedArguments(call);
      // Anthropic always sends an object; a raw non-object stands in for a model that wrote garbage.
      block.set("input", input != null && input.isObject() ? input : json.getNodeFactory().textNode(arguments(call)));
    }
    body.put("stop_reason", maxTokens(step) ? "max_tokens" : k > 0 ? "tool_use" : "end_turn");
    body.putNull("stop_sequence");
    body.putObject("usage").put("input_tokens", in - cached).put("cache_creation_input_tokens", 0)
        .put("cache_read_input_tokens", cached).put("output_tokens", out);
    return body;
  }

  /** The error body each API sends. */
  ObjectNode error(Wire wire, int status, String message) {
    ObjectNode body = json.createObjectNode();
    if (wire == Wire.ANTHROPIC_MESSAGES) {
      body.put("type", "error").putObject("error").put("type", anthropicType(status)).put("message", message);
    } else {
      body.putObject("error").put("message", message).put("type", status == 429 ? "rate_limit_exceeded"
          : status >= 500 ? "server_error" : "invalid_request_error").putNull("param").putNull("code");
    }
    return body;
  }

  private static String anthropicType(int status) {
    return switch (status) {
      case 400 -> "invalid_request_error";
      case 401 -> "authentication_error";
      case 403 -> "permission_error";
      case 404 -> "not_found_error";
      case 429 -> "rate_limit_error";
      case 529 -> "overloaded_error";
      default -> "api_error";
    };
  }

  private static boolean maxTokens(JsonNode step) {
    return "max_tokens".equals(step.path("stop").asText());
  }

  private static String callId(JsonNode call, String prefix, int number, int k) {
    return call.path("id").asText(prefix + number + "_" + k);
  }

  private String arguments(JsonNode call) {
    if (call.has("argumentsRaw")) {
      return call.path("argumentsRaw").asText();
    }
    return call.path("arguments").isMissingNode() ? "{}" : call.get("arguments").toString();
  }

  private JsonNode parsedArguments(JsonNode call) {
    try {
      return json.readTree(arguments(call));
    } catch (java.io.IOException e) {
      return null;
    }
  }
}
