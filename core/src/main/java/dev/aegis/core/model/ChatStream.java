package dev.aegis.core.model;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Map;
import java.util.TreeMap;

/**
 * Chat Completions chunks ({@code chat.completion.chunk}: {@code choices[].delta} with {@code content} and
 * {@code tool_calls} fragments keyed by {@code index}, a {@code finish_reason}, and with {@code
 * stream_options.include_usage} a last chunk with {@code usage} and no choices), up to {@code data: [DONE]},
 * folded into the {@code chat.completion} a non-streamed request returns. Only choice 0 is kept (Aegis asks
 * for one). A stream that ends without {@code [DONE]} but with a finish reason is accepted: some compatible
 * servers do not send it.
 */
final class ChatStream implements ReplyStream {
  private final ObjectMapper json;
  private final ObjectNode reply;
  private final StringBuilder content = new StringBuilder();
  private final Map<Integer, ObjectNode> calls = new TreeMap<>();
  private final Map<Integer, StringBuilder> arguments = new TreeMap<>();
  private String finishReason;
  private JsonNode usage;
  private boolean done;

  ChatStream(ObjectMapper json) {
    this.json = json;
    this.reply = json.createObjectNode();
  }

  @Override
  public boolean accept(String name, JsonNode data) {
    if (data.isTextual() && "[DONE]".equals(data.asText().trim())) {
      done = true;
      return false;
    }
    if (data.path("error").isObject()) {
      JsonNode error = data.path("error");
      String type = error.path("type").asText(error.path("code").asText("server_error"));
      throw new Failed("rate_limit_exceeded".equals(type) ? 429
          : "invalid_request_error".equals(type) ? 400 : 500, type + ": " + error.path("message").asText(""));
    }
    for (String field : new String[] {"id", "model", "created", "system_fingerprint"}) {
      if (data.has(field) && !reply.has(field)) {
        reply.set(field, data.get(field));
      }
    }
    if (data.path("usage").isObject()) {
      usage = data.get("usage");
    }
    for (JsonNode choice : data.path("choices")) {
      if (choice.path("index").asInt(0) != 0) {
        continue;
      }
      JsonNode delta = choice.path("delta");
      if (delta.path("content").isTextual()) {
        content.append(delta.path("content").asText());
      }
      for (JsonNode call : delta.path("tool_calls")) {
        int index = call.path("index").asInt(calls.size());
        ObjectNode whole = calls.computeIfAbsent(index, i -> json.createObjectNode().put("type", "function"));
        if (call.path("id").isTextual()) {
          whole.put("id", call.path("id").asText());
        }
        JsonNode function = call.path("function");
        if (function.path("name").isTextual()) {
          whole.put("name", whole.path("name").asText("") + function.path("name").asText());
        }
        if (function.path("arguments").isTextual()) {
          arguments.computeIfAbsent(index, i -> new StringBuilder()).append(function.path("arguments").asText());
        }
      }
      if (choice.path("finish_reason").isTextual()) {
        finishReason = choice.path("finish_reason").asText();
      }
    }
    return true;
  }

  @Override
  public JsonNode reply() {
    if (!done && finishReason == null) {
      return null;
    }
    ObjectNode whole = reply.deepCopy().put("object", "chat.completion");
    ObjectNode choice = whole.putArray("choices").addObject().put("index", 0);
    ObjectNode message = choice.putObject("message").put("role", "assistant");
    if (content.length() > 0) {
      message.put("content", content.toString());
    } else {
      message.putNull("content");
    }
    if (!calls.isEmpty()) {
      ArrayNode list = message.putArray("tool_calls");
      calls.forEach((index, call) -> {
        ObjectNode out = list.addObject();
        if (call.has("id")) {
          out.set("id", call.get("id"));
        }
        out.put("type", "function");
        StringBuilder args = arguments.get(index);
        out.putObject("function").put("name", call.path("name").asText(""))
            .put("arguments", args == null ? "" : args.toString());
      });
    }
    if (finishReason != null) {
      choice.put("finish_reason", finishReason);
    } else {
      choice.putNull("finish_reason");
    }
    if (usage != null) {
      whole.set("usage", usage);
    }
    return whole;
  }
}
