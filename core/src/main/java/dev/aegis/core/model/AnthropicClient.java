package dev.aegis.core.model;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.aegis.core.model.ModelReply.FinishReason;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Anthropic Messages API ({@code POST {base}/v1/messages}) with {@code tool_use} and {@code tool_result}
 * blocks. Consecutive turns of one role are merged into one message, as the API expects alternation.
 *
 * <p>Prompt caching: three {@code cache_control} breakpoints (the API allows four) mark the stable prefix,
 * in the order the API caches it: the last tool (so the tool definitions), the system prompt, and the last
 * block of the conversation, so each step reads the whole earlier conversation from the cache and writes only
 * what it adds. A prefix shorter than the model's minimum is simply not cached.
 */
final class AnthropicClient extends HttpModelClient {
  static final String VERSION = "2023-06-01";

  AnthropicClient(ModelClients.Endpoint endpoint, ModelSettings settings) {
    super(endpoint, settings);
  }

  @Override
  public ModelReply send(ModelRequest request) {
    Map<String, String> headers = Map.of("x-api-key", endpoint.key(), "anthropic-version", VERSION);
    return parse(http.post(endpoint.baseUrl() + "/v1/messages", headers, body(request), () -> new AnthropicStream(json)));
  }

  ObjectNode body(ModelRequest request) {
    ObjectNode body = json.createObjectNode();
    body.put("model", endpoint.model());
    body.put("max_tokens", request.maxOutputTokens());
    body.put("stream", true);
    body.putArray("system").addObject().put("type", "text").put("text", WireJson.nonEmpty(request.system()))
        .set("cache_control", ephemeral());
    ArrayNode messages = body.putArray("messages");
    for (Message message : request.messages()) {
      String role = message instanceof Message.Assistant ? "assistant" : "user";
      JsonNode last = messages.isEmpty() ? null : messages.get(messages.size() - 1);
      ArrayNode content = last != null && role.equals(last.path("role").asText())
          ? (ArrayNode) last.get("content")
          : messages.addObject().put("role", role).putArray("content");
      addBlocks(content, message);
    }
    if (!request.tools().isEmpty()) {
      ArrayNode tools = body.putArray("tools");
      for (ToolSpec spec : request.tools()) {
        tools.addObject().put("name", spec.name()).put("description", spec.description())
            .set("input_schema", WireJson.parseObject(json, spec.parametersSchema()));
      }
      ((ObjectNode) tools.get(tools.size() - 1)).set("cache_control", ephemeral());
    }
    JsonNode lastMessage = messages.get(messages.size() - 1);
    JsonNode lastBlock = lastMessage == null ? null : lastMessage.path("content").get(lastMessage.path("content").size() - 1);
    if (lastBlock instanceof ObjectNode block) {
      block.set("cache_control", ephemeral());
    }
    return body;
  }

  private ObjectNode ephemeral() {
    return json.createObjectNode().put("type", "ephemeral");
  }

  private void addBlocks(ArrayNode content, Message message) {
    if (message instanceof Message.User user) {
      content.addObject().put("type", "text").put("text", WireJson.nonEmpty(user.text()));
    } else if (message instanceof Message.Assistant assistant) {
      if (!assistant.text().isEmpty() || assistant.toolCalls().isEmpty()) {
        content.addObject().put("type", "text").put("text", WireJson.nonEmpty(assistant.text()));
      }
      for (ToolCall call : assistant.toolCalls()) {
        ObjectNode input = WireJson.parseObject(json, call.arguments());
        if (input == null) {
          input = json.createObjectNode().put("unparseable_arguments", call.arguments());
        }
        content.addObject().put("type", "tool_use").put("id", call.id()).put("name", call.name())
            .set("input", input);
      }
    } else if (message instanceof Message.ToolResults results) {
      for (ToolResult result : results.results()) {
        ObjectNode block = content.addObject().put("type", "tool_result").put("tool_use_id", result.callId())
            .put("content", WireJson.nonEmpty(result.content()));
        if (result.error()) {
          block.put("is_error", true);
        }
      }
    }
  }

  ModelReply parse(JsonNode reply) {
    JsonNode content = reply.path("content");
    if (!content.isArray()) {
      throw WireJson.badReply(endpoint.baseUrl() + "/v1/messages", "no content array in the reply");
    }
    StringBuilder text = new StringBuilder();
    List<ToolCall> calls = new ArrayList<>();
    for (JsonNode block : content) {
      switch (block.path("type").asText("")) {
        case "text" -> text.append(block.path("text").asText(""));
        case "tool_use" -> {
          JsonNode input = block.path("input");
          String arguments = input.isObject() ? input.toString() : input.asText(input.toString());
          calls.add(new ToolCall(block.path("id").asText("toolu_" + (calls.size() + 1)),
              block.path("name").asText(""), arguments));
        }
        default -> { /* thinking and other blocks are not replayed */ }
      }
    }
    JsonNode usage = reply.path("usage");
    long cacheRead = usage.path("cache_read_input_tokens").asLong(0);
    long input = usage.path("input_tokens").asLong(0) + cacheRead
        + usage.path("cache_creation_input_tokens").asLong(0);
    Usage tokens = new Usage(input, usage.path("output_tokens").asLong(0), cacheRead);
    return new ModelReply(text.toString(), calls, finish(reply.path("stop_reason").asText(""), calls), tokens);
  }

  private static FinishReason finish(String reason, List<ToolCall> calls) {
    return switch (reason) {
      case "tool_use" -> FinishReason.TOOL_CALLS;
      case "max_tokens", "model_context_window_exceeded" -> FinishReason.MAX_TOKENS;
      case "refusal" -> FinishReason.CONTENT_FILTER;
      case "end_turn", "stop_sequence", "pause_turn" ->
          calls.isEmpty() ? FinishReason.END_TURN : FinishReason.TOOL_CALLS;
      default -> calls.isEmpty() ? FinishReason.OTHER : FinishReason.TOOL_CALLS;
    };
  }
}
