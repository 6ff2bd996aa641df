package dev.aegis.core.model;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.aegis.core.model.ModelReply.FinishReason;
import java.util.ArrayList;
import java.util.List;

/**
 * OpenAI Responses API ({@code POST {base}/responses}): function tools, {@code function_call} output items
 * answered by {@code function_call_output} input items. Stateless ({@code store: false}): the whole
 * conversation travels each time.
 */
final class OpenAiResponsesClient extends HttpModelClient {
  OpenAiResponsesClient(ModelClients.Endpoint endpoint, ModelSettings settings) {
    super(endpoint, settings);
  }

  @Override
  public ModelReply send(ModelRequest request) {
    return parse(http.post(endpoint.baseUrl() + "/responses", bearer(), body(request), ResponsesStream::new));
  }

  ObjectNode body(ModelRequest request) {
    ObjectNode body = json.createObjectNode();
    body.put("model", endpoint.model());
    body.put("instructions", request.system());
    body.put("stream", true);
    ArrayNode input = body.putArray("input");
    for (Message message : request.messages()) {
      add(input, message);
    }
    if (!request.tools().isEmpty()) {
      ArrayNode tools = body.putArray("tools");
      for (ToolSpec spec : request.tools()) {
        ObjectNode tool = tools.addObject().put("type", "function").put("name", spec.name())
            .put("description", spec.description());
        tool.set("parameters", WireJson.parseObject(json, spec.parametersSchema()));
        tool.put("strict", false);
      }
    }
    body.put("max_output_tokens", request.maxOutputTokens());
    // OpenAI caches prompt prefixes by itself; the key keeps one run's requests on the same cache
    body.put("prompt_cache_key", WireJson.cacheKey(endpoint.model(), request));
    body.put("store", false);
    return body;
  }

  private static void add(ArrayNode input, Message message) {
    if (message instanceof Message.User user) {
      input.addObject().put("type", "message").put("role", "user").put("content", user.text());
    } else if (message instanceof Message.Assistant assistant) {
      if (!assistant.text().isEmpty()) {
        input.addObject().put("type", "message").put("role", "assistant").put("content", assistant.text());
      }
      for (ToolCall call : assistant.toolCalls()) {
        input.addObject().put("type", "function_call").put("call_id", call.id()).put("name", call.name())
            .put("arguments", call.arguments());
      }
    } else if (message instanceof Message.ToolResults results) {
      for (ToolResult result : results.results()) {
        input.addObject().put("type", "function_call_output").put("call_id", result.callId())
            .put("output", WireJson.nonEmpty(result.content()));
      }
    }
  }

  ModelReply parse(JsonNode reply) {
    JsonNode output = reply.path("output");
    if (!output.isArray()) {
      throw WireJson.badReply(endpoint.baseUrl() + "/responses", "no output array in the reply");
    }
    StringBuilder text = new StringBuilder();
    List<ToolCall> calls = new ArrayList<>();
    for (JsonNode item : output) {
      switch (item.path("type").asText("")) {
        case "message" -> {
          for (JsonNode part : item.path("content")) {
            if ("output_text".equals(part.path("type").asText())) {
              text.append(part.path("text").asText(""));
            }
          }
        }
        case "function_call" -> calls.add(new ToolCall(item.path("call_id").asText("call_" + (calls.size() + 1)),
            item.path("name").asText(""), item.path("arguments").asText("")));
        default -> { /* reasoning and other items are not replayed */ }
      }
    }
    JsonNode usage = reply.path("usage");
    Usage tokens = new Usage(usage.path("input_tokens").asLong(0), usage.path("output_tokens").asLong(0),
        usage.path("input_tokens_details").path("cached_tokens").asLong(0));
    return new ModelReply(text.toString(), calls, finish(reply, calls), tokens);
  }

  private static FinishReason finish(JsonNode reply, List<ToolCall> calls) {
    if ("incomplete".equals(reply.path("status").asText())) {
      String reason = reply.path("incomplete_details").path("reason").asText("");
      return "content_filter".equals(reason) ? FinishReason.CONTENT_FILTER : FinishReason.MAX_TOKENS;
    }
    return calls.isEmpty() ? FinishReason.END_TURN : FinishReason.TOOL_CALLS;
  }
}
