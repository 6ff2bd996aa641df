package dev.aegis.core.agent;

import static org.assertj.core.api.Assertions.assertThat;

import dev.aegis.core.policy.Policy;
import dev.aegis.core.policy.SandboxSettings;
import dev.aegis.core.policy.Secrets;
import dev.aegis.testkit.model.RecordedRequest;
import dev.aegis.testkit.model.SampleProject;
import dev.aegis.testkit.model.ScriptedModelServer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The real {@code claude-agent-acp} (installed by {@code scripts/install-peers.sh}) through the ACP engine, its
 * model a scripted server speaking Anthropic Messages (streamed). Fails, never skips, when it is missing.
 */
class ClaudeAgentAcpTest {
  static final String KEY = "sk-ant-scripted-key-0001";
  static final String GITHUB_TOKEN = "ghs_claudeTestTokenThatMustNotLeak0002";

  @TempDir Path temp;
  Path peers;
  Path workspace;
  final List<String> progress = new ArrayList<>();

  @BeforeEach
  void setUp() throws Exception {
    String where = System.getenv().getOrDefault("AEGIS_PEERS", System.getProperty("user.home") + "/.cache/aegis-peers");
    peers = Path.of(where);
    assertThat(peers.resolve("node_modules/.bin/claude-agent-acp"))
        .as("claude-agent-acp is not installed in " + peers + ": run scripts/install-peers.sh (set AEGIS_PEERS to"
            + " choose where)").exists();
    workspace = SampleProject.create(temp.resolve("repo"));
  }

  private EngineResult plan(ScriptedModelServer server) {
    return run(server, Mode.PLAN);
  }

  private EngineResult run(ScriptedModelServer server, Mode mode) {
    Map<String, String> env = new HashMap<>(SampleProject.environment(Map.of()));
    env.put("PATH", peers.resolve("node_modules/.bin") + ":" + env.getOrDefault("PATH", "/usr/bin:/bin"));
    env.put("ANTHROPIC_API_KEY", KEY);
    env.put("ANTHROPIC_BASE_URL", server.baseUrl());
    env.put("GITHUB_TOKEN", GITHUB_TOKEN);
    Policy policy = Policy.defaults().withReadOnly(mode == Mode.PLAN).withSandbox(new SandboxSettings(false, List.of(),
        List.of(peers.toString()), List.of()));
    LoopSettings settings = LoopSettings.of(env, Harness.SANDBOX, progress::add);
    return Engines.acp(AgentSpec.parse("claude-code"), settings).run(new EngineTask(workspace, mode,
        "add(2, 3) prints -1", policy, new Budget(40, 2_000_000, 5.0, java.time.Duration.ofSeconds(90)),
        temp.resolve("records"), null, Secrets.fromEnvironment(env, List.of(), List.of())));
  }

  @Test
  void claudeAgentAcpReadsRunsTheTestsIsRefusedAWorkflowWriteAndHandsBackTheRca() throws Exception {
    String ws = workspace.toRealPath().toString();
    try (ScriptedModelServer server = ScriptedModelServer.start("""
        {"steps": [
          {"expectRequestContains": "aegis-report", "toolCalls": [{"name": "Read", "arguments": {"file_path": "%s/src/calc.sh"}}]},
          {"expectToolResultContains": "$1 - $2", "toolCalls": [{"name": "Bash", "arguments": {
            "command": "sh test.sh; echo GITHUB_TOKEN=${GITHUB_TOKEN:-unset}", "description": "Run the tests"}}]},
          {"expectToolResultContains": "FAIL add: expected 5, got -1", "toolCalls": [{"name": "Write", "arguments": {
            "file_path": "%s/.github/workflows/x.yml", "content": "on: push"}}]},
          {"text": "%s"}
        ]}
        """.formatted(ws, ws, CodexAcpTest.REPORT))) {
      EngineResult result = plan(server);

      List<RecordedRequest> requests = server.requests();
      assertThat(result.stop().reason()).as(progress + "\n" + server.failures() + "\n" + result.stop())
          .isEqualTo(Stop.Reason.FINISHED);
      assertThat(result.plan().orElseThrow().evidence()).extracting(Evidence::location).containsExactly("src/calc.sh:4");
      assertThat(workspace.resolve(".github/workflows/x.yml")).doesNotExist();
      String audit = Files.readString(result.auditLog());
      assertThat(audit).contains("\"policy_denied\"", ".github/workflows/x.yml", "this run is read-only");
      // it reported its usage and cost: the budget and the report use them
      assertThat(result.priced()).isTrue();
      assertThat(result.usage().inputTokens()).isPositive();
      assertThat(requests).allSatisfy(r -> assertThat(r.body()).doesNotContain(GITHUB_TOKEN));
      assertThat(requests.stream().map(RecordedRequest::body).filter(b -> b.contains("GITHUB_TOKEN=unset")))
          .isNotEmpty();
      assertThat(requests).filteredOn(r -> r.path().startsWith("/v1/messages"))
          .allSatisfy(r -> assertThat(r.header("x-api-key")).isEqualTo(KEY));
    }
  }

  @Test
  void inAFixRunClaudeMayEditTheSourceButAWorkflowWriteIsRefusedAsProtected() throws Exception {
    String ws = workspace.toRealPath().toString();
    String fixed = SampleProject.CALC.replace("$1 - $2", "$1 + $2").replace("\n", "\\n");
    try (ScriptedModelServer server = ScriptedModelServer.start("""
        {"steps": [
          {"expectRequestContains": "aegis-report", "toolCalls": [{"name": "Write", "arguments": {
            "file_path": "%s/.github/workflows/x.yml", "content": "on: push"}}]},
          {"toolCalls": [{"name": "Read", "arguments": {"file_path": "%s/src/calc.sh"}}]},
          {"expectToolResultContains": "$1 - $2",
           "toolCalls": [{"name": "Write", "arguments": {"file_path": "%s/src/calc.sh", "content": "%s"}}]},
          {"text": "```aegis-report\\n{\\"summary\\": \\"add adds\\", \\"test_command\\": \\"sh test.sh\\"}\\n```"}
        ]}
        """.formatted(ws, ws, ws, fixed))) {
      EngineResult result = run(server, Mode.FIX);

      assertThat(result.stop().reason()).as(progress + "\n" + server.failures() + "\n" + result.stop())
          .isEqualTo(Stop.Reason.FINISHED);
      assertThat(workspace.resolve(".github/workflows/x.yml")).doesNotExist();
      assertThat(Files.readString(workspace.resolve("src/calc.sh"))).contains("$1 + $2");
      assertThat(result.fix().orElseThrow().testRun().passed()).isTrue();
      assertThat(Files.readString(result.auditLog())).contains("\"policy_denied\"",
          "'.github/workflows/x.yml' is protected");
    }
  }

  @Test
  void claudeHandsBackTheRcaThroughTheFinishToolAegisHostsOverMcp() throws Exception {
    try (ScriptedModelServer server = ScriptedModelServer.start("""
        {"steps": [
          {"expectRequestContains": "mcp__aegis__finish", "toolCalls": [{"name": "mcp__aegis__finish", "arguments": {
            "summary": "add subtracts", "root_cause": "add() computes $1 - $2",
            "evidence": [{"file": "src/calc.sh", "line": 4, "note": "the subtraction"}],
            "fix_plan": "use +", "test_plan": "sh test.sh", "risk": "low"}}]},
          {"expectToolResultContains": "report accepted", "text": "Handed back."}
        ]}
        """)) {
      EngineResult result = plan(server);

      assertThat(result.stop().reason()).as(progress + "\n" + server.failures() + "\n" + result.stop())
          .isEqualTo(Stop.Reason.FINISHED);
      assertThat(result.plan().orElseThrow().rootCause()).isEqualTo("add() computes $1 - $2");
      assertThat(Files.readString(result.auditLog())).contains("\"finish_tool\"", "\"mcp_http\":true");
      assertThat(server.remainingSteps()).isZero();
    }
  }
}
