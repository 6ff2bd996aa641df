package dev.aegis.core.agent;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.aegis.core.config.ConfigException;
import dev.aegis.core.config.ConfigLoader;
import dev.aegis.core.policy.Policy;
import dev.aegis.core.policy.SandboxSettings;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code mcp-servers:} for the built-in engine against the real {@code @modelcontextprotocol/server-everything}
 * (installed by {@code scripts/install-peers.sh}; it sends {@code notifications/tools/list_changed} before
 * answering {@code tools/list}). Fails, never skips, when it is missing.
 */
class McpToolsTest {
  @TempDir Path temp;
  Harness h;
  Path peers;
  Path server;

  @BeforeEach
  void setUp() throws Exception {
    peers = Path.of(System.getenv().getOrDefault("AEGIS_PEERS", System.getProperty("user.home") + "/.cache/aegis-peers"));
    server = peers.resolve("node_modules/@modelcontextprotocol/server-everything/dist/index.js");
    assertThat(server).as("server-everything is not installed in " + peers + ": run scripts/install-peers.sh")
        .exists();
    h = new Harness(temp);
    h.policy = Policy.defaults().withSandbox(new SandboxSettings(false, List.of(), List.of(peers.toString()),
        List.of()));
  }

  private List<McpServerSpec> servers(String json) throws Exception {
    return McpServerSpec.parseAll(new ObjectMapper().readTree(json));
  }

  @Test
  void theBuiltInEngineOffersAnMcpServersToolsCallsOneAndRecordsItInTheTranscriptAndTheAuditLog() throws Exception {
    List<McpServerSpec> everything = servers("""
        {"everything": {"command": "node", "args": ["%s", "stdio"]}}
        """.formatted(server));
    EngineResult result = h.run("""
        {"steps": [
          {"toolCalls": [{"name": "everything__echo", "arguments": {"message": "hello from aegis"}}]},
          {"expectToolResultContains": "hello from aegis", "toolCalls": [%s]}
        ]}
        """.formatted(Harness.FINISH_PLAN), h.settings().withMcpServers(everything));

    assertThat(result.stop().reason()).as(h.progress + "\n" + result.stop()).isEqualTo(Stop.Reason.FINISHED);
    assertThat(h.progress).anySatisfy(l -> assertThat(l).startsWith("MCP server everything: "));
    String transcript = h.transcript();
    assertThat(transcript).contains("\"name\":\"everything__echo\"", "Echo: hello from aegis",
        "notifications/tools/list_changed");
    String audit = h.audit();
    assertThat(audit).contains("\"mcp_server\"", "\"type\":\"tool\"", "\"name\":\"everything__echo\"");
  }

  @Test
  void aServerThatCannotStartIsLeftOutAndTheRunGoesOn() throws Exception {
    List<McpServerSpec> broken = servers("""
        {"broken": {"command": "aegis-no-such-mcp-server"}, "keyless": {"command": "node", "env": {"K": "UNSET_SECRET"}}}
        """);
    EngineResult result = h.run("""
        {"steps": [{"toolCalls": [%s]}]}
        """.formatted(Harness.FINISH_PLAN), h.settings().withMcpServers(broken));

    assertThat(result.stop().reason()).as(h.progress.toString()).isEqualTo(Stop.Reason.FINISHED);
    assertThat(h.audit()).contains("\"mcp_server_skipped\"", "broken", "UNSET_SECRET, which is not set");
  }

  @Test
  void theConfigurationTakesMcpJsonsShapeAndRefusesALiteralSecret() throws Exception {
    Files.createDirectories(h.workspace.resolve(".aegis"));
    Files.writeString(h.workspace.resolve(".aegis/config.yml"), """
        mcp-servers:
          everything:
            command: node
            args: [server.js, stdio]
            env:
              API_KEY: EVERYTHING_KEY
          remote:
            url: https://mcp.example/mcp
        """);
    List<McpServerSpec> parsed = new ConfigLoader().load(h.workspace, Map.of(), Map.of(), "test").mcpServers();
    assertThat(parsed).extracting(McpServerSpec::name).containsExactly("everything", "remote");
    assertThat(parsed.get(0).command()).containsExactly("node", "server.js", "stdio");
    assertThat(parsed.get(0).env()).containsEntry("API_KEY", "EVERYTHING_KEY");
    assertThat(parsed.get(1).stdio()).isFalse();

    Files.writeString(h.workspace.resolve(".aegis/config.yml"), """
        mcp-servers:
          everything:
            command: node
            env:
              API_KEY: "sk-live 1234"
        """);
    assertThatThrownBy(() -> new ConfigLoader().load(h.workspace, Map.of(), Map.of(), "test"))
        .isInstanceOf(ConfigException.class).hasMessageContaining("mcp-servers")
        .hasMessageContaining("must name the environment variable that holds its value");
    assertThatThrownBy(() -> servers("{\"aegis\": {\"command\": \"x\"}}"))
        .hasMessageContaining("the name aegis is Aegis's own");
    assertThatThrownBy(() -> servers("{\"a__b\": {\"command\": \"x\"}}"))
        .hasMessageContaining("single '_'");
    assertThatThrownBy(() -> servers("{\"s\": {\"command\": \"x\", \"url\": \"http://h\"}}"))
        .hasMessageContaining("needs either command");
  }
}
