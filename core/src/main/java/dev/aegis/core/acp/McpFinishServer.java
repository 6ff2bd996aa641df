package dev.aegis.core.acp;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.Executors;
import java.util.function.Function;

/**
 * A one-tool MCP server Aegis hosts for one agent session, over MCP's Streamable HTTP transport on
 * {@code 127.0.0.1} (JSON answers, no event stream): its {@code finish} tool is how an external agent hands back
 * the structured result without Aegis parsing its prose. Requests must carry the session's random bearer token
 * (given to the agent in {@code session/new}), so no other local process can call it.
 */
public final class McpFinishServer implements AutoCloseable {
  /** What a {@code finish} call returns to the agent: a text, and whether it is an error to fix. */
  public record Answer(String text, boolean error) {
    public Answer {
      Objects.requireNonNull(text, "text");
    }
  }

  /** MCP protocol revisions this server speaks; it answers the client's when known, else the newest. */
  static final List<String> VERSIONS = List.of("2025-06-18", "2025-03-26", "2024-11-05");
  private static final int MAX_BODY = 1 << 20;

  private final ObjectMapper json = dev.aegis.core.json.Mappers.JSON;
  private final HttpServer server;
  private final String token;
  private final String description;
  private final JsonNode schema;
  private final Function<ObjectNode, Answer> onFinish;

  private McpFinishServer(HttpServer server, String token, String description, JsonNode schema,
      Function<ObjectNode, Answer> onFinish) {
    this.server = server;
    this.token = token;
    this.description = description;
    this.schema = schema;
    this.onFinish = onFinish;
  }

  /**
   * Starts the server on a free loopback port.
   *
   * @param schema the {@code finish} tool's input JSON Schema
   * @param onFinish checks one call's arguments; called on the server's thread
   * @throws UncheckedIOException when no port can be bound
   */
  public static McpFinishServer start(String description, JsonNode schema, Function<ObjectNode, Answer> onFinish) {
    byte[] nonce = new byte[24];
    new SecureRandom().nextBytes(nonce);
    try {
      HttpServer http = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
      McpFinishServer mcp = new McpFinishServer(http, HexFormat.of().formatHex(nonce), description, schema, onFinish);
      http.createContext("/mcp", mcp::handle);
      http.setExecutor(Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "aegis-mcp-finish");
        t.setDaemon(true);
        return t;
      }));
      http.start();
      return mcp;
    } catch (IOException e) {
      throw new UncheckedIOException("cannot start the finish tool's MCP server on 127.0.0.1", e);
    }
  }

  public String url() {
    return "http://127.0.0.1:" + server.getAddress().getPort() + "/mcp";
  }

  /** The ACP {@code McpServer} entry (HTTP) for {@code session/new}'s {@code mcpServers}. */
  public ObjectNode acpEntry(String name) {
    ObjectNode entry = JsonNodeFactory.instance.objectNode().put("type", "http").put("name", name).put("url", url());
    entry.putArray("headers").addObject().put("name", "Authorization").put("value", "Bearer " + token);
    return entry;
  }

  private void handle(HttpExchange exchange) throws IOException {
    try (exchange) {
      if (!authorized(exchange.getRequestHeaders().getFirst("Authorization"))) {
        send(exchange, 401, null);
        return;
      }
      if (!"POST".equals(exchange.getRequestMethod())) {
        send(exchange, 405, null); // no server-initiated stream
        return;
      }
      JsonNode message;
      try (InputStream in = exchange.getRequestBody()) {
        byte[] body = in.readNBytes(MAX_BODY);
        message = json.readTree(body);
      } catch (IOException e) {
        send(exchange, 400, error(null, -32700, "not JSON"));
        return;
      }
      if (message == null || !message.isObject() || !message.hasNonNull("method")) {
        send(exchange, message != null && message.has("id") ? 202 : 400, null);
        return;
      }
      if (!message.hasNonNull("id")) {
        send(exchange, 202, null); // a notification (notifications/initialized, cancelled)
        return;
      }
      send(exchange, 200, answer(message));
    }
  }

  private boolean authorized(String header) {
    byte[] expected = ("Bearer " + token).getBytes(StandardCharsets.UTF_8);
    return header != null && MessageDigest.isEqual(expected, header.getBytes(StandardCharsets.UTF_8));
  }

  private ObjectNode answer(JsonNode request) {
    JsonNode id = request.get("id");
    JsonNode params = request.path("params");
    ObjectNode result = JsonNodeFactory.instance.objectNode();
    switch (request.get("method").asText()) {
      case "initialize" -> {
        String asked = params.path("protocolVersion").asText("");
        result.put("protocolVersion", VERSIONS.contains(asked) ? asked : VERSIONS.get(0));
        result.putObject("capabilities").putObject("tools").put("listChanged", false);
        result.putObject("serverInfo").put("name", "aegis").put("version", "1");
      }
      case "ping" -> { }
      case "tools/list" -> {
        ObjectNode tool = result.putArray("tools").addObject().put("name", "finish").put("description", description);
        tool.set("inputSchema", schema);
      }
      case "tools/call" -> {
        if (!"finish".equals(params.path("name").asText())) {
          return error(id, -32602, "unknown tool " + params.path("name").asText());
        }
        JsonNode args = params.path("arguments");
        Answer a = args instanceof ObjectNode object ? onFinish.apply(object)
            : new Answer("finish needs its arguments as one JSON object", true);
        result.putArray("content").addObject().put("type", "text").put("text", a.text());
        result.put("isError", a.error());
      }
      default -> {
        return error(id, -32601, "method not found: " + request.get("method").asText());
      }
    }
    ObjectNode reply = JsonNodeFactory.instance.objectNode().put("jsonrpc", "2.0");
    reply.set("id", id);
    reply.set("result", result);
    return reply;
  }

  private static ObjectNode error(JsonNode id, int code, String message) {
    ObjectNode reply = JsonNodeFactory.instance.objectNode().put("jsonrpc", "2.0");
    reply.set("id", id);
    reply.putObject("error").put("code", code).put("message", message);
    return reply;
  }

  private void send(HttpExchange exchange, int status, JsonNode body) throws IOException {
    if (body == null) {
      exchange.sendResponseHeaders(status, -1);
      return;
    }
    byte[] bytes = json.writeValueAsBytes(body);
    exchange.getResponseHeaders().set("Content-Type", "application/json");
    exchange.sendResponseHeaders(status, bytes.length);
    try (OutputStream out = exchange.getResponseBody()) {
      out.write(bytes);
    }
  }

  @Override
  public void close() {
    server.stop(0);
  }
}
