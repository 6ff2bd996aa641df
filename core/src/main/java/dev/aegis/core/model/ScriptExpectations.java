package dev.aegis.core.model;

import com.fasterxml.jackson.databind.JsonNode;

/** The light request checks a script step may carry ({@code expectToolResultContains}, ...). */
final class ScriptExpectations {
  private ScriptExpectations() {}

  /** Returns null when the request meets the step's expectations, else what is wrong. */
  static String check(JsonNode step, ModelRequest request) {
    String toolResult = step.path("expectToolResultContains").asText(null);
    if (toolResult != null) {
      Message last = request.messages().get(request.messages().size() - 1);
      boolean found = last instanceof Message.ToolResults results
          && results.results().stream().anyMatch(r -> r.content().contains(toolResult));
      if (!found) {
        return "expected the last tool result to contain '" + toolResult + "' but it was: "
            + shorten(render(last));
      }
    }
    String anywhere = step.path("expectRequestContains").asText(null);
    if (anywhere != null && !render(request).contains(anywhere)) {
      return "expected the request to contain '" + anywhere + "'";
    }
    return null;
  }

  /** The request as plain text: system prompt, then every message. */
  static String render(ModelRequest request) {
    StringBuilder out = new StringBuilder(request.system()).append('\n');
    request.messages().forEach(m -> out.append(render(m)).append('\n'));
    return out.toString();
  }

  static String render(Message message) {
    if (message instanceof Message.User user) {
      return user.text();
    }
    if (message instanceof Message.Assistant assistant) {
      StringBuilder out = new StringBuilder(assistant.text());
      assistant.toolCalls().forEach(c -> out.append('\n').append(c.name()).append(' ').append(c.arguments()));
      return out.toString();
    }
    StringBuilder out = new StringBuilder();
    ((Message.ToolResults) message).results().forEach(r -> out.append(r.content()).append('\n'));
    return out.toString();
  }

  private static String shorten(String text) {
    String flat = text.replaceAll("\\s+", " ").trim();
    return flat.length() > 200 ? flat.substring(0, 200) + "..." : flat;
  }
}
