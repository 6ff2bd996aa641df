package dev.aegis.core.agent;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.aegis.core.agent.ToolArgs.ToolError;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads an external agent's structured result from the last {@code ```aegis-report} fenced block of its
 * message, or from a call to the {@code finish} tool Aegis hosts over MCP, and checks it exactly as the built-in
 * {@code finish} tool does ({@link FinishTool}). The block is the fallback for agents without HTTP MCP servers.
 */
final class AcpReport {
  private static final Pattern BLOCK = Pattern.compile("```aegis-report[ \\t]*\\r?\\n(.*?)\\r?\\n[ \\t]*```",
      Pattern.DOTALL);
  private final ObjectMapper json = dev.aegis.core.json.Mappers.JSON;
  private final FinishTool finish;

  AcpReport(FinishTool finish) {
    this.finish = finish;
  }

  /**
   * Checks the arguments of a call to the {@code finish} tool Aegis hosts over MCP.
   *
   * @throws ToolError saying what is missing, for the agent to fix
   */
  Report fromTool(ObjectNode arguments) {
    return finish.finish(new ToolArgs("finish", arguments));
  }

  /**
   * @throws ToolError saying what is wrong (no block, not JSON, a field missing), for the agent to fix
   */
  Report read(String message) {
    Matcher m = BLOCK.matcher(message);
    String last = null;
    while (m.find()) {
      last = m.group(1);
    }
    if (last == null) {
      throw new ToolError("your final message has no ```aegis-report block");
    }
    JsonNode node;
    try {
      node = json.readTree(last);
    } catch (JsonProcessingException e) {
      throw new ToolError("the aegis-report block is not valid JSON (" + e.getOriginalMessage() + ")");
    }
    if (!(node instanceof ObjectNode object)) {
      throw new ToolError("the aegis-report block must hold one JSON object");
    }
    return finish.finish(new ToolArgs("aegis-report", object));
  }
}
