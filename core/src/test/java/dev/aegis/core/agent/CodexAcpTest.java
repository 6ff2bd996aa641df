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
 * The real {@code codex-acp} (installed by {@code scripts/install-peers.sh}) planning the sample bug through the
 * ACP engine, its model a scripted server speaking the OpenAI Responses API (streamed). Fails, never skips, when
 * codex-acp is missing.
 */
class CodexAcpTest {
  static final String KEY = "sk-codex-scripted-key-0001";
  static final String GITHUB_TOKEN = "ghs_codexTestTokenThatMustNotLeak0002";

  @TempDir Path temp;
  Path peers;
  Path workspace;
  Path codexHome;
  final List<String> progress = new ArrayList<>();

  @BeforeEach
  void setUp() throws Exception {
    String where = System.getenv().getOrDefault("AEGIS_PEERS", System.getProperty("user.home") + "/.cache/aegis-peers");
    peers = Path.of(where);
    assertThat(peers.resolve("node_modules/.bin/codex-acp"))
        .as("codex-acp is not installed in " + peers + ": run scripts/install-peers.sh (set AEGIS_PEERS to choose"
            + " where)").exists();
    workspace = SampleProject.create(temp.resolve("repo"));
    codexHome = Files.createDirectories(temp.resolve("codex-home"));
  }

  private void configure(String baseUrl) throws Exception {
    Files.writeString(codexHome.resolve("config.toml"), """
        model = "aegis-scripted-model"
        model_provider = "fake"
        check_for_update_on_startup = false

        [model_providers.fake]
        name = "fake"
        base_url = "%s"
        wire_api = "responses"
        env_key = "OPENAI_API_KEY"
        request_max_retries = 0
        stream_max_retries = 0

        [analytics]
        enabled = false
        """.formatted(baseUrl));
  }

  private EngineResult plan(ScriptedModelServer server) throws Exception {
    return plan(server, Budget.defaults());
  }

  private EngineResult plan(ScriptedModelServer server, Budget budget) throws Exception {
    configure(server.openAiBaseUrl());
    Map<String, String> env = new HashMap<>(SampleProject.environment(Map.of()));
    env.put("PATH", peers.resolve("node_modules/.bin") + ":" + env.getOrDefault("PATH", "/usr/bin:/bin"));
    env.put("OPENAI_API_KEY", KEY);
    env.put("CODEX_HOME", codexHome.toString());
    env.put("GITHUB_TOKEN", GITHUB_TOKEN);
    Policy policy = Policy.defaults().withReadOnly(true).withSandbox(new SandboxSettings(false, List.of(),
        List.of(peers.toString()), List.of(codexHome.toString())));
    LoopSettings settings = LoopSettings.of(env, Harness.SANDBOX, progress::add);
    return Engines.acp(AgentSpec.parse("codex"), settings).run(new EngineTask(workspace, Mode.PLAN,
        "add(2, 3) prints -1", policy, budget, temp.resolve("records"), null,
        Secrets.fromEnvironment(env, List.of(), List.of())));
  }

  @Test
  void codexAcpRunsTheTestsInTheSandboxPlansTheSampleBugAndHandsBackTheRca() throws Exception {
    String report = "Found it.\\n```aegis-report\\n{\\\"summary\\\": \\\"add subtracts\\\", \\\"root_cause\\\":"
        + " \\\"add() computes $1 - $2\\\", \\\"evidence\\\": [{\\\"file\\\": \\\"src/calc.sh\\\", \\\"line\\\": 4,"
        + " \\\"note\\\": \\\"the subtraction\\\"}], \\\"fix_plan\\\": \\\"use +\\\", \\\"test_plan\\\":"
        + " \\\"sh test.sh\\\", \\\"risk\\\": \\\"low\\\"}\\n```";
    try (ScriptedModelServer server = ScriptedModelServer.start("""
        {"steps": [
          {"expectRequestContains": "aegis-report", "toolCalls": [{"name": "exec_command", "arguments": {
            "cmd": "cat src/calc.sh; sh test.sh; echo GITHUB_TOKEN=${GITHUB_TOKEN:-unset}",
            "sandbox_permissions": "require_escalated", "justification": "run the project's tests"}}]},
          {"expectToolResultContains": "FAIL add: expected 5, got -1", "text": "%s"}
        ]}
        """.formatted(report))) {
      EngineResult result = plan(server);

      List<RecordedRequest> requests = server.requests();
      assertThat(requests).as(progress + "\n" + server.failures()).isNotEmpty();
      assertThat(result.stop().reason()).as(progress + "\n" + server.failures() + "\n" + result.stop())
          .isEqualTo(Stop.Reason.FINISHED);
      assertThat(result.plan().orElseThrow().evidence()).extracting(Evidence::location).containsExactly("src/calc.sh:4");
      assertThat(requests.get(0).path()).endsWith("/v1/responses");
      assertThat(requests.get(0).header("authorization")).isEqualTo("Bearer " + KEY);
      assertThat(requests.get(0).body()).doesNotContain(GITHUB_TOKEN);
      // codex asked to run the command outside its own sandbox; Aegis allowed it once (it runs in Aegis's)
      String audit = Files.readString(result.auditLog());
      assertThat(audit).contains("\"type\":\"permission\"", "\"kind\":\"execute\"");
      assertThat(requests.get(1).body()).contains("echo $(( $1 - $2 ))", "GITHUB_TOKEN=unset")
          .doesNotContain(GITHUB_TOKEN);
    }
  }

  @Test
  void aWorkflowWriteCodexRunsAsACommandHitsTheSandboxsReadOnlyMountAndNothingIsWritten() throws Exception {
    try (ScriptedModelServer server = ScriptedModelServer.start("""
        {"steps": [
          {"toolCalls": [{"name": "exec_command", "arguments": {
            "cmd": "mkdir -p .github/workflows && echo 'on: push' > .github/workflows/x.yml; echo exit=$?",
            "sandbox_permissions": "require_escalated", "justification": "add a workflow"}}]},
          {"expectToolResultContains": "Read-only file system", "text": "%s"}
        ]}
        """.formatted(REPORT))) {
      EngineResult result = plan(server);

      assertThat(result.stop().reason()).as(progress + "\n" + server.failures() + "\n" + result.stop())
          .isEqualTo(Stop.Reason.FINISHED);
      assertThat(workspace.resolve(".github/workflows/x.yml")).doesNotExist();
    }
  }

  @Test
  void aCodexWhoseModelNeverAnswersIsStoppedWithinTheWallBudgetAndLeavesNoProcess() throws Exception {
    long started = System.nanoTime();
    try (ScriptedModelServer server = ScriptedModelServer.start("""
        {"steps": [{"delayMillis": 60000, "text": "too late"}]}
        """)) {
      EngineResult result = plan(server, new Budget(40, 2_000_000, 5.0, java.time.Duration.ofSeconds(8)));

      assertThat(result.stop().reason()).as(progress + "\n" + result.stop()).isEqualTo(Stop.Reason.BUDGET_EXCEEDED);
      assertThat(result.stop().budget()).isEqualTo(Budget.Kind.WALL_TIME);
    }
    assertThat(java.time.Duration.ofNanos(System.nanoTime() - started)).isLessThan(java.time.Duration.ofSeconds(25));
    assertThat(ProcessHandle.allProcesses().map(p -> p.info().commandLine().orElse(""))
        .filter(c -> c.contains(peers.toString())))
        .as("codex-acp processes (from " + peers + ") left behind").isEmpty();
    assertThat(ProcessHandle.current().descendants().map(p -> p.info().command().orElse(""))
        .filter(c -> c.contains("codex"))).as("codex processes left behind").isEmpty();
  }

  static final String REPORT = "```aegis-report\\n{\\\"summary\\\": \\\"add subtracts\\\", \\\"root_cause\\\":"
      + " \\\"minus\\\", \\\"evidence\\\": [{\\\"file\\\": \\\"src/calc.sh\\\", \\\"line\\\": 4,"
      + " \\\"note\\\": \\\"-\\\"}], \\\"fix_plan\\\": \\\"+\\\", \\\"test_plan\\\":"
      + " \\\"sh test.sh\\\", \\\"risk\\\": \\\"low\\\"}\\n```";
}
