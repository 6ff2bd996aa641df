package dev.aegis.testkit.model;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;

/** The light request checks a script step may carry, read from each wire format. */
final class ScriptChecks {
  private ScriptChecks() {}

  static String check(Wire wire, JsonNode step, JsonNode body, String raw) {
    String toolResult = step.path("expectToolResultContains").asText(null);
    if (toolResult != null) {
      List<String> results = lastToolResults(wire, body);
      if (results.stream().noneMatch(r -> r.contains(toolResult))) {
        return "expected the last tool result to contain '" + toolResult + "' but it was: " + shorten(results);
      }
    }
    String anywhere = step.path("expectRequestContains").asText(null);
    if (anywhere != null && !raw.contains(anywhere)) {
      return "expected the request to contain '" + anywhere + "'";
    }
    return null;
  }

  /** The tool results at the end of the conversation. */
  static List<String> lastToolResults(Wire wire, JsonNode body) {
    List<String> out = new ArrayList<>();
    switch (wire) {
      case CHAT_COMPLETIONS -> trailing(body.path("messages"), m -> "tool".equals(m.path("role").asText()),
          m -> m.path("content").asText(), out);
      case RESPONSES -> trailing(body.path("input"),
          m -> "function_call_output".equals(m.path("type").asText()), m -> m.path("output").asText(), out);
      case ANTHROPIC_MESSAGES -> {
        JsonNode messages = body.path("messages");
        JsonNode last = messages.get(messages.size() - 1);
        for (JsonNode block : last.path("content")) {
          if ("tool_result".equals(block.path("type").asText())) {
            out.add(block.path("content").isTextual() ? block.path("content").asText()
                : block.path("content").toString());
          }
        }
      }
    }
    return out;
  }

  private static void trailing(JsonNode items, java.util.function.Predicate<JsonNode> isResult,
      java.util.function.Function<JsonNode, String> text, List<String> out) {
    for (int i = items.size() - 1; i >= 0 && isResult.test(items.get(i)); i--) {
      out.add(0, text.apply(items.get(i)));
    }
  }

  private static String shorten(List<String> results) {
    String flat = String.join(" | ", results).replaceAll("\\s+", " ").trim();
    return flat.isEmpty() ? "(no tool result)" : flat.length() > 200 ? flat.substring(0, 200) + "..." : flat;
  }
}
