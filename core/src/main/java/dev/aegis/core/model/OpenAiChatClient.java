package dev.aegis.core.model;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.aegis.core.model.ModelReply.FinishReason;
import java.util.ArrayList;
import java.util.List;

/**
 * OpenAI Chat Completions ({@code POST {base}/chat/completions}) with {@code tools} and {@code tool_calls};
 * also the OpenAI-compatible servers (Azure, OpenRouter, Ollama, vLLM), which get {@code max_tokens}
 * instead of {@code max_completion_tokens}.
 */
final class OpenAiChatClient extends HttpModelClient {
  private final boolean compatible;

  OpenAiChatClient(ModelClients.Endpoint endpoint, boolean compatible, ModelSettings settings) {
    super(endpoint, settings);
    this.compatible = compatible;
  }

  @Override
  public ModelReply send(ModelRequest request) {
    return parse(http.post(endpoint.baseUrl() + "/chat/completions", bearer(), body(request), () -> new ChatStream(json)));
  }

  ObjectNode body(ModelRequest request) {
    ObjectNode body = json.createObjectNode();
    body.put("model", endpoint.model());
    body.put("stream", true);
    body.putObject("stream_options").put("include_usage", true);
    ArrayNode messages = body.putArray("messages");
    messages.addObject().put("role", "system").put("content", request.system());
    for (Message message : request.messages()) {
      add(messages, message);
    }
    if (!request.tools().isEmpty()) {
      ArrayNode tools = body.putArray("tools");
      for (ToolSpec spec : request.tools()) {
        ObjectNode function = tools.addObject().put("type", "function").putObject("function");
        function.put("name", spec.name()).put("description", spec.description());
        function.set("parameters", WireJson.parseObject(json, spec.parametersSchema()));
      }
    }
    body.put(compatible ? "max_tokens" : "max_completion_tokens", request.maxOutputTokens());
    if (!compatible) {
      // OpenAI caches prompt prefixes by itself; the key keeps one run's requests on the same cache
      body.put("prompt_cache_key", WireJson.cacheKey(endpoint.model(), request));
    }
    return body;
  }

  private void add(ArrayNode messages, Message message) {
    if (message instanceof Message.User user) {
      messages.addObject().put("role", "user").put("content", user.text());
    } else if (message instanceof Message.Assistant assistant) {
      ObjectNode node = messages.addObject().put("role", "assistant");
      if (assistant.text().isEmpty()) {
        node.putNull("content");
      } else {
        node.put("content", assistant.text());
      }
      if (!assistant.toolCalls().isEmpty()) {
        ArrayNode calls = node.putArray("tool_calls");
        for (ToolCall call : assistant.toolCalls()) {
          ObjectNode function = calls.addObject().put("id", call.id()).put("type", "function")
              .putObject("function");
          function.put("name", call.name()).put("arguments", call.arguments());
        }
      }
    } else if (message instanceof Message.ToolResults results) {
      for (ToolResult result : results.results()) {
        messages.addObject().put("role", "tool").put("tool_call_id", result.callId())
            .put("content", WireJson.nonEmpty(result.content()));
      }
    }
  }

  ModelReply parse(JsonNode reply) {
    JsonNode choice = reply.path("choices").path(0);
    if (choice.isMissingNode()) {
      throw WireJson.badReply(endpoint.baseUrl() + "/chat/completions", "no choices in the reply");
    }
    JsonNode message = choice.path("message");
    List<ToolCall> calls = new ArrayList<>();
    for (JsonNode call : message.path("tool_calls")) {
      String callId = call.path("id").asText("");
      calls.add(new ToolCall(callId.isEmpty() ? "call_" + (calls.size() + 1) : callId,
          call.path("function").path("name").asText(""),
          call.path("function").path("arguments").asText("")));
    }
    String text = message.path("content").isTextual() ? message.path("content").asText() : "";
    JsonNode usage = reply.path("usage");
    Usage tokens = new Usage(usage.path("prompt_tokens").asLong(0), usage.path("completion_tokens").asLong(0),
        usage.path("prompt_tokens_details").path("cached_tokens").asLong(0));
    return new ModelReply(text, calls, finish(choice.path("finish_reason").asText(""), calls), tokens);
  }

  private static FinishReason finish(String reason, List<ToolCall> calls) {
    return switch (reason) {
      case "tool_calls", "function_call" -> FinishReason.TOOL_CALLS;
      case "length" -> FinishReason.MAX_TOKENS;
      case "content_filter" -> FinishReason.CONTENT_FILTER;
      case "stop" -> calls.isEmpty() ? FinishReason.END_TURN : FinishReason.TOOL_CALLS;
      default -> calls.isEmpty() ? FinishReason.OTHER : FinishReason.TOOL_CALLS;
    };
  }
}
