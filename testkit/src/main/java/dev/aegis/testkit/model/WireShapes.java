package dev.aegis.testkit.model;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Function;

/**
 * Checks that a request has the shape the real API demands (the parts Aegis uses), so a client that drifts
 * from the contract fails its tests with a 400 that names the problem.
 */
final class WireShapes {
  private static final String TOOL_NAME = "^[a-zA-Z0-9_-]{1,64}$";

  private WireShapes() {}

  static List<String> problems(Wire wire, JsonNode body, Function<String, String> header) {
    List<String> problems = new ArrayList<>();
    if (!body.path("model").isTextual() || body.path("model").asText().isEmpty()) {
      problems.add("model must be a non-empty string");
    }
    if (body.has("prompt_cache_key") && !body.path("prompt_cache_key").isTextual()) {
      problems.add("prompt_cache_key must be a string");
    }
    if (body.has("stream") && !body.path("stream").isBoolean()) {
      problems.add("stream must be a boolean");
    }
    if (body.has("stream_options") && !body.path("stream").asBoolean(false)) {
      // OpenAI's documented refusal: stream_options is only allowed when stream is enabled
      problems.add("The 'stream_options' parameter is only allowed when 'stream' is enabled.");
    }
    switch (wire) {
      case CHAT_COMPLETIONS -> chat(body, header, problems);
      case RESPONSES -> responses(body, header, problems);
      case ANTHROPIC_MESSAGES -> anthropic(body, header, problems);
    }
    return problems;
  }

  private static void chat(JsonNode body, Function<String, String> header, List<String> problems) {
    bearer(header, problems);
    JsonNode messages = body.path("messages");
    if (!messages.isArray() || messages.isEmpty()) {
      problems.add("messages must be a non-empty array");
      return;
    }
    Set<String> open = new HashSet<>();
    for (JsonNode m : messages) {
      String role = m.path("role").asText();
      if (!"tool".equals(role) && !open.isEmpty()) {
        problems.add("tool_calls " + open + " were not answered by tool messages before a " + role + " message");
        open.clear();
      }
      switch (role) {
        case "system", "developer", "user" -> requireText(m.path("content"), role + ".content", problems);
        case "assistant" -> {
          for (JsonNode call : m.path("tool_calls")) {
            if (!"function".equals(call.path("type").asText()) || !call.path("id").isTextual()
                || !call.path("function").path("name").isTextual()
                || !call.path("function").path("arguments").isTextual()) {
              problems.add("assistant.tool_calls[] needs id, type=function, function.name, function.arguments"
                  + " (a string)");
            }
            open.add(call.path("id").asText());
          }
          if (m.path("content").isMissingNode() && !m.has("tool_calls")) {
            problems.add("assistant message needs content or tool_calls");
          }
        }
        case "tool" -> {
          if (!open.remove(m.path("tool_call_id").asText())) {
            problems.add("tool message answers unknown tool_call_id '" + m.path("tool_call_id").asText() + "'");
          }
          requireText(m.path("content"), "tool.content", problems);
        }
        default -> problems.add("unknown role '" + role + "'");
      }
    }
    for (JsonNode tool : body.path("tools")) {
      if (!"function".equals(tool.path("type").asText())) {
        problems.add("tools[].type must be function");
      }
      toolSchema(tool.path("function").path("name"), tool.path("function").path("parameters"), problems);
    }
  }

  private static void responses(JsonNode body, Function<String, String> header, List<String> problems) {
    bearer(header, problems);
    JsonNode input = body.path("input");
    if (!input.isArray() || input.isEmpty()) {
      problems.add("input must be a non-empty array");
      return;
    }
    Set<String> calls = new HashSet<>();
    for (JsonNode item : input) {
      String type = item.path("type").asText("message");
      switch (type) {
        case "message" -> requireText(item.path("content"), item.path("role").asText() + ".content", problems);
        case "function_call" -> {
          if (!item.path("call_id").isTextual() || !item.path("name").isTextual()
              || !item.path("arguments").isTextual()) {
            problems.add("function_call items need call_id, name and arguments (a string)");
          }
          calls.add(item.path("call_id").asText());
        }
        case "function_call_output" -> {
          if (!calls.contains(item.path("call_id").asText())) {
            problems.add("function_call_output answers unknown call_id '" + item.path("call_id").asText() + "'");
          }
          if (!item.path("output").isTextual()) {
            problems.add("function_call_output.output must be a string");
          }
        }
        default -> problems.add("unexpected input item type '" + type + "'");
      }
    }
    for (JsonNode tool : body.path("tools")) {
      // the Responses API has more tool types than functions (custom, web_search, local_shell, namespace...):
      // Codex sends several; only a function's name and schema are checked here
      if (!tool.path("type").isTextual() || tool.path("type").asText().isBlank()) {
        problems.add("tools[].type must be a string");
      } else if ("function".equals(tool.path("type").asText())) {
        toolSchema(tool.path("name"), tool.path("parameters"), problems);
      }
    }
  }

  private static void anthropic(JsonNode body, Function<String, String> header, List<String> problems) {
    if (header.apply("x-api-key") == null || header.apply("x-api-key").isEmpty()) {
      problems.add("x-api-key header is required");
    }
    if (header.apply("anthropic-version") == null) {
      problems.add("anthropic-version header is required");
    }
    if (!body.path("max_tokens").canConvertToInt() || body.path("max_tokens").asInt() <= 0) {
      problems.add("max_tokens must be a positive integer");
    }
    JsonNode system = body.path("system");
    if (!system.isMissingNode() && !system.isTextual()) {
      if (!system.isArray()) {
        problems.add("system must be a string or an array of text blocks");
      }
      for (JsonNode block : system) {
        if (!"text".equals(block.path("type").asText())) {
          problems.add("system blocks must be text blocks");
        }
        requireText(block.path("text"), "system text block", problems);
      }
    }
    cacheBreakpoints(body, problems);
    JsonNode messages = body.path("messages");
    if (!messages.isArray() || messages.isEmpty() || !"user".equals(messages.get(0).path("role").asText())) {
      problems.add("messages must be a non-empty array starting with a user message");
      return;
    }
    String previousRole = "";
    Set<String> open = new HashSet<>();
    for (JsonNode m : messages) {
      String role = m.path("role").asText();
      if (role.equals(previousRole)) {
        problems.add("roles must alternate; two " + role + " messages in a row");
      }
      previousRole = role;
      anthropicContent(role, m.path("content"), open, problems);
    }
    for (JsonNode tool : body.path("tools")) {
      toolSchema(tool.path("name"), tool.path("input_schema"), problems);
    }
  }

  /**
   * Anthropic's prompt caching: {@code cache_control} is {@code {"type": "ephemeral"}} (with an optional
   * {@code ttl} of {@code 5m} or {@code 1h}) on at most four blocks across tools, system and messages.
   */
  private static void cacheBreakpoints(JsonNode body, List<String> problems) {
    List<JsonNode> marked = new ArrayList<>();
    body.path("tools").forEach(t -> mark(t, marked));
    body.path("system").forEach(b -> mark(b, marked));
    for (JsonNode m : body.path("messages")) {
      m.path("content").forEach(b -> mark(b, marked));
    }
    if (marked.size() > 4) {
      problems.add("a maximum of 4 blocks with cache_control may be provided, got " + marked.size());
    }
    for (JsonNode control : marked) {
      String ttl = control.path("ttl").asText("5m");
      if (!"ephemeral".equals(control.path("type").asText()) || !(ttl.equals("5m") || ttl.equals("1h"))) {
        problems.add("cache_control must be {\"type\": \"ephemeral\"} with an optional ttl of 5m or 1h");
      }
    }
  }

  private static void mark(JsonNode block, List<JsonNode> marked) {
    if (block.has("cache_control")) {
      marked.add(block.path("cache_control"));
    }
  }

  private static void anthropicContent(String role, JsonNode content, Set<String> open, List<String> problems) {
    if (content.isTextual()) {
      return;
    }
    boolean seenOther = false;
    Set<String> answered = new HashSet<>();
    for (JsonNode block : content) {
      String type = block.path("type").asText();
      switch (type) {
        case "text" -> {
          seenOther = true;
          requireText(block.path("text"), "text block", problems);
        }
        case "tool_use" -> {
          if (!"assistant".equals(role) || !block.path("input").isObject() || !block.path("id").isTextual()) {
            problems.add("tool_use blocks belong to assistant messages and need an id and an input object");
          }
          answered.add(block.path("id").asText());
        }
        case "tool_result" -> {
          if (seenOther) {
            problems.add("tool_result blocks must come before any other content in a user message");
          }
          if (!open.remove(block.path("tool_use_id").asText())) {
            problems.add("tool_result answers unknown tool_use_id '" + block.path("tool_use_id").asText() + "'");
          }
        }
        default -> problems.add("unexpected content block type '" + type + "'");
      }
    }
    if ("user".equals(role) && !open.isEmpty()) {
      problems.add("tool_use ids " + open + " were not answered in the next user message");
    }
    open.clear();
    open.addAll(answered);
  }

  private static void toolSchema(JsonNode name, JsonNode schema, List<String> problems) {
    if (!name.asText("").matches(TOOL_NAME)) {
      problems.add("tool name '" + name.asText() + "' does not match " + TOOL_NAME);
    }
    if (!schema.isObject() || !"object".equals(schema.path("type").asText())) {
      problems.add("tool '" + name.asText() + "' needs a JSON Schema of type object");
    }
  }

  private static void requireText(JsonNode content, String what, List<String> problems) {
    if (content.isTextual() ? content.asText().isEmpty() : !content.isArray()) {
      problems.add(what + " must be a non-empty string or an array of parts");
    }
  }

  private static void bearer(Function<String, String> header, List<String> problems) {
    String auth = header.apply("authorization");
    if (auth == null || !auth.startsWith("Bearer ")) {
      problems.add("Authorization: Bearer <key> header is required");
    }
  }
}
