package dev.aegis.core.model;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import dev.aegis.core.json.Mappers;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Replays a model script in process (no network), the format documented in {@code docs/model-scripts.md}
 * and shared with the testkit's scripted HTTP server. Unlike the HTTP clients it holds a cursor, so one
 * instance serves one run. Transport-fault steps ({@code status}) only make sense over HTTP and are
 * skipped here.
 */
final class ScriptedModelClient implements ModelClient {
  private final String id;
  private final String scriptName;
  private final List<JsonNode> steps;
  private int next;
  private int repeats;

  ScriptedModelClient(String id, String scriptName, JsonNode script) {
    this.id = id;
    this.scriptName = scriptName;
    List<JsonNode> kept = new ArrayList<>();
    for (JsonNode step : script.path("steps")) {
      if (!step.has("status")) {
        kept.add(step);
      }
    }
    this.steps = List.copyOf(kept);
  }

  static ScriptedModelClient load(String id, String name, Path dir) {
    ObjectMapper json = Mappers.JSON;
    String resource = "scripts/" + name + ".json";
    try (InputStream in = ScriptedModelClient.class.getResourceAsStream(resource)) {
      if (in != null) {
        return new ScriptedModelClient(id, name, json.readTree(in));
      }
      if (ModelClients.isFile(dir, name)) {
        Path file = dir == null ? Path.of(name) : dir.resolve(name);
        return new ScriptedModelClient(id, name, json.readTree(file.toFile()));
      }
    } catch (IOException e) {
      throw new ModelException(ModelException.Kind.CONFIG, "model script '" + name + "' is not valid JSON: "
          + e.getMessage(), 0, null, null, e);
    }
    throw ModelException.config("no model script '" + name + "': neither a bundled script nor a file");
  }

  @Override
  public String model() {
    return id;
  }

  @Override
  public ModelReply send(ModelRequest request) {
    if (next >= steps.size()) {
      throw new ModelException(ModelException.Kind.BAD_RESPONSE, "model script '" + scriptName
          + "' has no step left after " + steps.size() + " replies", 0, null, null, null);
    }
    JsonNode step = steps.get(next);
    int stepNumber = next + 1;
    advance(step);
    String problem = ScriptExpectations.check(step, request);
    if (problem != null) {
      throw new ModelException(ModelException.Kind.BAD_REQUEST, "model script '" + scriptName + "' step "
          + stepNumber + ": " + problem, 400, null, null, null);
    }
    return reply(step, stepNumber, request);
  }

  private void advance(JsonNode step) {
    int times = step.path("times").asInt(1);
    repeats++;
    if (times > 0 && repeats >= times) {
      next++;
      repeats = 0;
    }
  }

  private ModelReply reply(JsonNode step, int stepNumber, ModelRequest request) {
    List<ToolCall> calls = new ArrayList<>();
    ArrayNode toolCalls = step.path("toolCalls").isArray() ? (ArrayNode) step.get("toolCalls") : null;
    if (toolCalls != null) {
      for (JsonNode call : toolCalls) {
        String arguments = call.has("argumentsRaw") ? call.path("argumentsRaw").asText()
            : call.path("arguments").isMissingNode() ? "{}" : call.get("arguments").toString();
        String callId = call.path("id").asText("call_" + stepNumber + "_" + (calls.size() + 1) + "_" + repeats);
        calls.add(new ToolCall(callId, call.path("name").asText(""), arguments));
      }
    }
    String text = step.path("text").asText("");
    ModelReply.FinishReason finish = "max_tokens".equals(step.path("stop").asText())
        ? ModelReply.FinishReason.MAX_TOKENS
        : calls.isEmpty() ? ModelReply.FinishReason.END_TURN : ModelReply.FinishReason.TOOL_CALLS;
    return new ModelReply(text, calls, finish, usage(step, request, text, calls));
  }

  private static Usage usage(JsonNode step, ModelRequest request, String text, List<ToolCall> calls) {
    JsonNode usage = step.path("usage");
    long estimatedIn = ScriptExpectations.render(request).length() / 4;
    long estimatedOut = (text.length() + calls.stream().mapToInt(c -> c.arguments().length()).sum()) / 4;
    return new Usage(usage.path("input").asLong(estimatedIn), usage.path("output").asLong(estimatedOut),
        usage.path("cached").asLong(0));
  }
}
