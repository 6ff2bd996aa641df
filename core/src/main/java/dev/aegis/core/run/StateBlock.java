package dev.aegis.core.run;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.aegis.core.json.Mappers;
import dev.aegis.core.tracker.IssueKey;
import dev.aegis.core.tracker.Phase;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Writes and reads the hidden block that carries a {@link RunState} inside a status comment:
 * {@code <!-- aegis:state {...json...} -->}. HTML comments are invisible on GitHub. The JSON never contains {@code
 * --}, so it cannot end the HTML comment early. Linear drops HTML comments from what it stores; there the same JSON
 * ({@link #json}) goes into an issue record instead.
 *
 * <p>Reading is defensive: a block that does not parse, has a wrong version or misses a field yields empty,
 * never an exception. Callers must only read blocks from comments Aegis itself wrote.
 */
public final class StateBlock {
  private static final Pattern BLOCK = Pattern.compile("<!-- aegis:state (\\{.*?\\}) -->", Pattern.DOTALL);
  private static final int VERSION = 1;

  private final ObjectMapper json = Mappers.JSON;

  /** The block for {@code state}, to append to a comment body. */
  public String write(RunState state) {
    return "<!-- aegis:state " + json(state).replace("--", "-\\u002d") + " -->";
  }

  /** The state as the JSON object the block carries. */
  public String json(RunState state) {
    ObjectNode node = json.createObjectNode();
    node.put("v", VERSION);
    node.put("run", state.runId());
    node.put("tracker", state.issue().tracker());
    node.put("issue", state.issue().id());
    node.put("phase", state.phase().name());
    node.put("branch", state.branch());
    node.put("base", state.base());
    node.put("claim", state.claim());
    node.put("updated", state.updatedAt().toString());
    node.putPOJO("handled", state.handled());
    node.putPOJO("facts", state.facts());
    try {
      return json.writeValueAsString(node);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("cannot serialise run state", e);
    }
  }

  /** The state in a comment body, if it carries a well-formed block. */
  public Optional<RunState> read(String body) {
    if (body == null) {
      return Optional.empty();
    }
    Matcher m = BLOCK.matcher(body);
    String last = null;
    while (m.find()) {
      last = m.group(1); // Aegis appends its block last; anything before it is text
    }
    return last == null ? Optional.empty() : parse(last);
  }

  /** The state in a JSON object written by {@link #json}; empty when it does not parse, like {@link #read}. */
  public Optional<RunState> parse(String stateJson) {
    if (stateJson == null || stateJson.isBlank()) {
      return Optional.empty();
    }
    try {
      return Optional.of(parse(json.readTree(stateJson)));
    } catch (JsonProcessingException | RuntimeException e) {
      return Optional.empty();
    }
  }

  /** The human part of a comment body: everything before its last block, trimmed. */
  public String textOf(String body) {
    Matcher m = BLOCK.matcher(body);
    int start = -1;
    while (m.find()) {
      start = m.start();
    }
    return (start < 0 ? body : body.substring(0, start)).strip();
  }

  /** The comment body with its block replaced by (or, when absent, followed by) the block for {@code state}. */
  public String replace(String body, RunState state) {
    Matcher m = BLOCK.matcher(body);
    String block = write(state);
    return m.find() ? body.substring(0, m.start()) + block + body.substring(m.end()) : body + "\n\n" + block;
  }

  private static RunState parse(JsonNode node) {
    if (node.path("v").asInt() != VERSION) {
      throw new IllegalArgumentException("unknown state block version");
    }
    List<String> handled = new ArrayList<>();
    node.path("handled").forEach(h -> handled.add(h.asText()));
    Map<String, String> facts = new LinkedHashMap<>();
    node.path("facts").fields().forEachRemaining(f -> facts.put(f.getKey(), f.getValue().asText()));
    return new RunState(
        required(node, "run"),
        new IssueKey(required(node, "tracker"), required(node, "issue")),
        Phase.valueOf(required(node, "phase")),
        required(node, "branch"),
        required(node, "base"),
        node.path("claim").asText(""),
        Instant.parse(required(node, "updated")),
        handled,
        facts);
  }

  private static String required(JsonNode node, String field) {
    JsonNode v = node.get(field);
    if (v == null || !v.isTextual() || v.asText().isEmpty()) {
      throw new IllegalArgumentException("state block misses " + field);
    }
    return v.asText();
  }
}
