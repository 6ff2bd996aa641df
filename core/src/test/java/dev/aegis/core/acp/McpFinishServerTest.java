package dev.aegis.core.acp;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The finish tool's MCP server over real HTTP: MCP's handshake, the one tool, and its bearer token. */
class McpFinishServerTest {
  private final ObjectMapper json = new ObjectMapper();
  private final HttpClient http = HttpClient.newHttpClient();
  private final List<ObjectNode> calls = new ArrayList<>();
  private McpFinishServer server;
  private String bearer;

  @BeforeEach
  void start() throws Exception {
    server = McpFinishServer.start("End the run.", json.readTree("{\"type\": \"object\"}"), args -> {
      calls.add(args);
      return args.has("summary") ? new McpFinishServer.Answer("report accepted", false)
          : new McpFinishServer.Answer("'summary' is missing", true);
    });
    bearer = server.acpEntry("aegis").path("headers").get(0).path("value").asText();
  }

  @AfterEach
  void stop() {
    server.close();
  }

  private HttpResponse<String> post(String body, String authorization) throws Exception {
    HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(server.url()))
        .header("Content-Type", "application/json").header("Accept", "application/json, text/event-stream")
        .POST(HttpRequest.BodyPublishers.ofString(body));
    if (authorization != null) {
      request.header("Authorization", authorization);
    }
    return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
  }

  @Test
  void theEntryForSessionNewIsAnHttpServerOnLoopbackWithABearerToken() {
    ObjectNode entry = server.acpEntry("aegis");
    assertThat(entry.path("type").asText()).isEqualTo("http");
    assertThat(entry.path("url").asText()).startsWith("http://127.0.0.1:").endsWith("/mcp");
    assertThat(bearer).startsWith("Bearer ").hasSizeGreaterThan(40);
  }

  @Test
  void itSpeaksMcpAndHandsEachFinishCallToAegis() throws Exception {
    JsonNode init = json.readTree(post("{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"initialize\",\"params\":"
        + "{\"protocolVersion\":\"2025-03-26\",\"capabilities\":{},\"clientInfo\":{\"name\":\"t\",\"version\":\"1\"}}}",
        bearer).body());
    assertThat(init.path("result").path("protocolVersion").asText()).isEqualTo("2025-03-26");
    assertThat(post("{\"jsonrpc\":\"2.0\",\"method\":\"notifications/initialized\"}", bearer).statusCode())
        .isEqualTo(202);
    JsonNode tools = json.readTree(post("{\"jsonrpc\":\"2.0\",\"id\":2,\"method\":\"tools/list\"}", bearer).body());
    assertThat(tools.path("result").path("tools").get(0).path("name").asText()).isEqualTo("finish");
    JsonNode refused = json.readTree(post("{\"jsonrpc\":\"2.0\",\"id\":3,\"method\":\"tools/call\",\"params\":"
        + "{\"name\":\"finish\",\"arguments\":{}}}", bearer).body());
    assertThat(refused.path("result").path("isError").asBoolean()).isTrue();
    assertThat(refused.path("result").path("content").get(0).path("text").asText()).contains("'summary' is missing");
    JsonNode accepted = json.readTree(post("{\"jsonrpc\":\"2.0\",\"id\":4,\"method\":\"tools/call\",\"params\":"
        + "{\"name\":\"finish\",\"arguments\":{\"summary\":\"s\"}}}", bearer).body());
    assertThat(accepted.path("result").path("isError").asBoolean()).isFalse();
    assertThat(calls).hasSize(2);
  }

  @Test
  void aRequestWithoutTheSessionsTokenIsRefusedAndNeverReachesAegis() throws Exception {
    String call = "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"tools/call\",\"params\":{\"name\":\"finish\","
        + "\"arguments\":{\"summary\":\"forged\"}}}";
    assertThat(post(call, null).statusCode()).isEqualTo(401);
    assertThat(post(call, "Bearer guessed").statusCode()).isEqualTo(401);
    assertThat(calls).isEmpty();
  }
}
