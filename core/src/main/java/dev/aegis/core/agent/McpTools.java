package dev.aegis.core.agent;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.aegis.core.acp.AcpConnection;
import dev.aegis.core.acp.AcpException;
import dev.aegis.core.acp.AcpHandler;
import dev.aegis.core.agent.ToolArgs.ToolError;
import dev.aegis.core.model.ToolSpec;
import dev.aegis.core.policy.CommandRequest;
import dev.aegis.core.policy.LiveCommand;
import dev.aegis.core.policy.PolicyException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * The built-in engine's MCP tools: each stdio server of {@code mcp-servers:} started in the command sandbox (as
 * {@code run_command}'s commands are), its tools listed once and offered as {@code server__tool}, each call
 * answered with the text of its result. MCP's stdio transport is the same newline-delimited JSON-RPC as ACP, so
 * {@link AcpConnection} carries it (notifications between answers, such as {@code notifications/tools/list_changed},
 * are simply taken). A server that does not start, does not answer in time or breaks the protocol is left out with
 * a note; it never breaks the run.
 */
final class McpTools implements AutoCloseable {
  static final McpTools NONE = new McpTools(List.of(), Map.of());
  static final String PROTOCOL = "2025-06-18";
  static final Duration HANDSHAKE = Duration.ofSeconds(20);
  private static final Pattern TOOL_NAME = Pattern.compile("[a-zA-Z0-9_-]{1,64}");

  /** One offered tool. */
  record Tool(String server, String name, ToolSpec spec) {}

  private record Server(String name, LiveCommand process, AcpConnection connection) {}

  private final List<Server> servers;
  private final Map<String, Tool> tools;

  private McpTools(List<Server> servers, Map<String, Tool> tools) {
    this.servers = servers;
    this.tools = tools;
  }

  /**
   * Starts the stdio servers and lists their tools.
   *
   * @param request makes the sandbox request for a server's command line and environment
   * @param secrets the host environment, where an {@code env} entry's named secret is looked up
   * @param note where a skipped server is reported (progress and audit)
   */
  static McpTools start(List<McpServerSpec> specs, java.util.function.BiFunction<String, Map<String, String>,
      CommandRequest> request, dev.aegis.core.policy.CommandSandbox sandbox, Map<String, String> secrets,
      RunRecords records, java.util.function.Consumer<String> note) {
    List<Server> started = new ArrayList<>();
    Map<String, Tool> offered = new LinkedHashMap<>();
    for (McpServerSpec spec : specs) {
      if (!spec.stdio()) {
        skip(spec, "Streamable HTTP servers are not supported by the built-in engine yet", records, note);
        continue;
      }
      Map<String, String> env = new LinkedHashMap<>();
      String missing = null;
      for (Map.Entry<String, String> e : spec.env().entrySet()) {
        String value = secrets.get(e.getValue());
        if (value == null || value.isBlank()) {
          missing = e.getValue();
        } else {
          env.put(e.getKey(), value);
        }
      }
      if (missing != null) {
        skip(spec, "its env names " + missing + ", which is not set", records, note);
        continue;
      }
      String line = "exec " + String.join(" ", spec.command().stream().map(AcpTerminals::quote).toList());
      LiveCommand process;
      try {
        process = sandbox.start(request.apply(line, env));
      } catch (PolicyException | UncheckedIOException e) {
        skip(spec, "it could not be started: " + e.getMessage(), records, note);
        continue;
      }
      new StderrTail(process.stderr());
      AcpConnection connection = new AcpConnection(process.stdout(), process.stdin(), new Quiet(),
          (incoming, json) -> records.trace("mcp", Map.of("server", spec.name(), "from", incoming ? "server" : "aegis",
              "message", Text.cap(json, 4000))));
      try {
        List<Tool> listed = handshake(spec.name(), connection);
        started.add(new Server(spec.name(), process, connection));
        listed.forEach(t -> offered.putIfAbsent(t.spec().name(), t));
        records.note("mcp_server", Map.of("server", spec.name(), "tools", listed.stream().map(t -> t.spec().name())
            .toList()));
        note.accept("MCP server " + spec.name() + ": " + listed.size() + " tools");
      } catch (AcpException e) {
        connection.close();
        process.close();
        skip(spec, e.getMessage(), records, note);
      }
    }
    return new McpTools(started, offered);
  }

  private static List<Tool> handshake(String server, AcpConnection connection) {
    ObjectNode init = JsonNodeFactory.instance.objectNode().put("protocolVersion", PROTOCOL);
    init.putObject("capabilities");
    init.putObject("clientInfo").put("name", "aegis").put("version", "1");
    connection.request("initialize", init, HANDSHAKE);
    connection.notify("notifications/initialized", JsonNodeFactory.instance.objectNode());
    List<Tool> out = new ArrayList<>();
    String cursor = null;
    for (int page = 0; page < 10; page++) {
      ObjectNode params = JsonNodeFactory.instance.objectNode();
      if (cursor != null) {
        params.put("cursor", cursor);
      }
      JsonNode listed = connection.request("tools/list", params, HANDSHAKE);
      for (JsonNode tool : listed.path("tools")) {
        String qualified = server + "__" + tool.path("name").asText("");
        JsonNode schema = tool.path("inputSchema");
        if (TOOL_NAME.matcher(qualified).matches() && schema.isObject()) {
          out.add(new Tool(server, tool.path("name").asText(), new ToolSpec(qualified,
              Text.cap(tool.path("description").asText(""), 1000), schema.toString())));
        }
      }
      cursor = listed.path("nextCursor").asText(null);
      if (cursor == null || cursor.isBlank()) {
        break;
      }
    }
    return out;
  }

  private static void skip(McpServerSpec spec, String why, RunRecords records, java.util.function.Consumer<String> note) {
    records.note("mcp_server_skipped", Map.of("server", spec.name(), "reason", why));
    note.accept("MCP server " + spec.name() + " is left out: " + why);
  }

  List<ToolSpec> specs() {
    return tools.values().stream().map(Tool::spec).toList();
  }

  boolean has(String name) {
    return tools.containsKey(name);
  }

  /**
   * Calls one tool; its text content is the answer.
   *
   * @throws ToolError when the tool reports an error or its server fails
   */
  String call(String name, ObjectNode arguments, Duration timeout) {
    Tool tool = tools.get(name);
    Server server = servers.stream().filter(s -> s.name().equals(tool.server())).findFirst().orElseThrow();
    ObjectNode params = JsonNodeFactory.instance.objectNode().put("name", tool.name());
    params.set("arguments", arguments);
    JsonNode result;
    try {
      result = server.connection().request("tools/call", params, timeout);
    } catch (AcpException e) {
      throw new ToolError(name + ": the MCP server failed: " + e.getMessage());
    }
    StringBuilder text = new StringBuilder();
    for (JsonNode item : result.path("content")) {
      if ("text".equals(item.path("type").asText())) {
        text.append(item.path("text").asText()).append('\n');
      } else {
        text.append("[").append(item.path("type").asText("content")).append(" not shown]\n");
      }
    }
    if (result.path("isError").asBoolean(false)) {
      throw new ToolError(name + " failed: " + text.toString().strip());
    }
    return text.isEmpty() ? "(no text content)" : text.toString();
  }

  @Override
  public void close() {
    for (Server s : servers) {
      s.connection().close();
      s.process().close();
    }
  }

  /** An MCP client that offers nothing to the server: its requests (sampling, roots) are refused. */
  private static final class Quiet implements AcpHandler {
    @Override
    public JsonNode request(String method, JsonNode params) {
      if ("ping".equals(method)) {
        return JsonNodeFactory.instance.objectNode();
      }
      throw new RequestRefused(RequestRefused.METHOD_NOT_FOUND, "Aegis offers no " + method);
    }

    @Override
    public void notification(String method, JsonNode params) {
      // tools/list_changed and logging are taken and ignored: the tool list is read once per run
    }
  }
}
