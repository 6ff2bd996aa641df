package dev.aegis.core.agent;

import static org.assertj.core.api.Assertions.assertThat;

import dev.aegis.core.audit.AuditVerifier;
import dev.aegis.core.policy.Policy;
import dev.aegis.core.policy.SandboxSettings;
import dev.aegis.core.policy.Secrets;
import dev.aegis.testkit.acp.ScriptedAcpAgents;
import dev.aegis.testkit.model.SampleProject;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The ACP engine against a real agent process ({@code ScriptedAcpAgent}, a separate JVM speaking ACP on stdio),
 * started in the command sandbox: the handshake, the report hand-back, the policy's answers, the agent's
 * environment, and every way an agent can fail.
 */
class AcpEngineTest {
  static final String GITHUB_TOKEN = "ghs_aegisTestTokenThatMustNotLeak0001";
  static final String REPORT = """
      {"do": "say", "text": "Found it.\\n```aegis-report\\n{\\"summary\\": \\"add subtracts\\", \\"root_cause\\": \\"uses - instead of +\\", \\"evidence\\": [{\\"file\\": \\"src/calc.sh\\", \\"line\\": 4, \\"note\\": \\"the subtraction\\"}], \\"fix_plan\\": \\"use +\\", \\"test_plan\\": \\"sh test.sh\\", \\"risk\\": \\"low\\"}\\n```\\n"}
      """;

  @TempDir Path temp;
  Path workspace;
  Path records;
  final List<String> progress = new ArrayList<>();
  Map<String, String> environment;
  Mode mode = Mode.PLAN;
  Budget budget = Budget.defaults();

  @BeforeEach
  void setUp() throws Exception {
    workspace = SampleProject.create(temp.resolve("repo"));
    records = temp.resolve("records");
    environment = new HashMap<>(SampleProject.environment(Map.of()));
    environment.put("GITHUB_TOKEN", GITHUB_TOKEN);
    environment.put("ACTIONS_RUNTIME_TOKEN", "actions-runtime-token-value-0002");
    environment.put("ANTHROPIC_API_KEY", "sk-ant-other-provider-key-0003");
  }

  private EngineResult run(String script) {
    Path scripts = temp.resolve("agent");
    String agent = ScriptedAcpAgents.agentValue(scripts, script);
    List<String> readable = new ArrayList<>(ScriptedAcpAgents.readPaths());
    readable.add(scripts.toString());
    Policy policy = Policy.defaults().withReadOnly(mode == Mode.PLAN)
        .withSandbox(new SandboxSettings(false, List.of(), readable, List.of()));
    LoopSettings settings = LoopSettings.of(environment, Harness.SANDBOX, progress::add);
    return Engines.acp(AgentSpec.parse(agent), settings).run(new EngineTask(workspace, mode, "add(2, 3) prints -1",
        policy, budget, records, null, Secrets.fromEnvironment(environment, List.of(), List.of())));
  }

  private String transcript() throws IOException {
    return Files.readString(records.resolve("transcript.jsonl"));
  }

  private String audit() throws IOException {
    return Files.readString(records.resolve("audit.jsonl"));
  }

  @Test
  void aPlanRunReadsRunsTheTestsInTheSandboxAndEndsWithTheStructuredRca() throws Exception {
    EngineResult result = run("""
        {"turns": [[
          {"do": "tool_call", "title": "Read src/calc.sh", "kind": "read"},
          {"do": "read", "path": "src/calc.sh"},
          {"do": "terminal", "command": "sh test.sh"},
          %s
        ]]}
        """.formatted(REPORT));

    assertThat(result.stop().reason()).as(progress.toString() + result.stop()).isEqualTo(Stop.Reason.FINISHED);
    PlanReport plan = result.plan().orElseThrow();
    assertThat(plan.rootCause()).isEqualTo("uses - instead of +");
    assertThat(plan.evidence()).extracting(Evidence::location).containsExactly("src/calc.sh:4");
    assertThat(plan.risk()).isEqualTo(Risk.LOW);
    assertThat(result.steps()).isEqualTo(1);
    String transcript = transcript();
    assertThat(transcript).contains("echo $(( $1 - $2 ))", "FAIL add: expected 5, got -1", "\\\"exitCode\\\":1",
        "\"agent_initialized\"", "\"protocolVersion\\\":1");
    assertThat(audit()).contains("\"fs_read\"", "\"terminal_create\"", "\"agent_tool_call\"", "\"run_end\"");
    assertThat(AuditVerifier.verify(result.auditLog(), result.auditFinalHash()).intact()).isTrue();
  }

  @Test
  void aWriteToAWorkflowIsAskedForAndRefusedAndTheFileIsNeverWritten() throws Exception {
    mode = Mode.FIX;
    EngineResult result = run("""
        {"turns": [[
          {"do": "permission", "kind": "edit", "path": ".github/workflows/x.yml", "title": "Write x.yml"},
          {"do": "write", "path": ".github/workflows/x.yml", "content": "on: push"},
          {"do": "permission", "kind": "edit", "path": "src/calc.sh", "title": "Edit calc.sh"},
          {"do": "write", "path": "src/calc.sh", "content": "#!/bin/sh\\nadd() {\\n  echo $(( $1 + $2 ))\\n}\\n"},
          {"do": "say", "text": "```aegis-report\\n{\\"summary\\": \\"add adds\\", \\"test_command\\": \\"sh test.sh\\"}\\n```"}
        ]]}
        """);

    assertThat(result.stop().reason()).as(progress.toString() + result.stop()).isEqualTo(Stop.Reason.FINISHED);
    assertThat(workspace.resolve(".github/workflows/x.yml")).doesNotExist();
    String transcript = transcript();
    // Aegis's own answers on the wire: the workflow refused, the source file allowed, each once
    assertThat(transcript).contains("\\\"result\\\":{\\\"outcome\\\":{\\\"outcome\\\":\\\"selected\\\",\\\"optionId\\\":\\\"reject-once\\\"}}",
        "\\\"result\\\":{\\\"outcome\\\":{\\\"outcome\\\":\\\"selected\\\",\\\"optionId\\\":\\\"allow-once\\\"}}")
        .doesNotContain("allow-always\\\"}}");
    assertThat(transcript).contains("refused by policy: '.github/workflows/x.yml' is protected");
    assertThat(audit()).contains("\"policy_denied\"", ".github/workflows/x.yml", "\"fs_write\"");
    FixReport fix = result.fix().orElseThrow();
    assertThat(fix.testRun().passed()).isTrue();
    assertThat(fix.filesOfTheFix()).containsExactly("src/calc.sh");
    assertThat(Files.readString(workspace.resolve("src/calc.sh"))).contains("$1 + $2");
  }

  @Test
  void aPlanRunRefusesEveryEditEvenOfAnOrdinaryFile() throws Exception {
    EngineResult result = run("""
        {"turns": [[
          {"do": "permission", "kind": "edit", "path": "src/calc.sh"},
          {"do": "write", "path": "src/calc.sh", "content": "changed"},
          %s
        ]]}
        """.formatted(REPORT));

    assertThat(result.stop().reason()).isEqualTo(Stop.Reason.FINISHED);
    assertThat(Files.readString(workspace.resolve("src/calc.sh"))).isEqualTo(SampleProject.CALC);
    assertThat(transcript()).contains("\\\"optionId\\\":\\\"reject-once\\\"", "this run is read-only");
  }

  @Test
  void theAgentGetsNoGithubTokenNoRunnerTokenAndNoOtherProvidersKey() throws Exception {
    EngineResult result = run("""
        {"turns": [[{"do": "env"}, %s]]}
        """.formatted(REPORT));

    assertThat(result.stop().reason()).isEqualTo(Stop.Reason.FINISHED);
    String transcript = transcript();
    assertThat(transcript).contains("ENV PATH").doesNotContain("ENV GITHUB_TOKEN", "ENV ACTIONS_RUNTIME_TOKEN",
        "ENV ANTHROPIC_API_KEY", GITHUB_TOKEN);
  }

  @Test
  void aHangingAgentIsStoppedWithinTheWallBudgetAndLeavesNoProcessBehind() throws Exception {
    budget = new Budget(40, 2_000_000, 5.0, Duration.ofSeconds(4));
    long started = System.nanoTime();
    EngineResult result = run("""
        {"ignoreCancel": true, "stayAfterStdinCloses": true, "turns": [[
          {"do": "spawn", "command": "exec sleep 3171"},
          {"do": "hang"}
        ]]}
        """);
    Duration took = Duration.ofNanos(System.nanoTime() - started);

    assertThat(result.stop().reason()).isEqualTo(Stop.Reason.BUDGET_EXCEEDED);
    assertThat(result.stop().budget()).isEqualTo(Budget.Kind.WALL_TIME);
    assertThat(took).isLessThan(Duration.ofSeconds(4).plus(AcpRun.CANCEL_GRACE).plusSeconds(8));
    assertThat(transcript()).contains("CHILD ", "session/cancel");
    String script = temp.resolve("agent").resolve("acp-script.json").toString();
    assertThat(ProcessHandle.allProcesses().filter(p -> p.info().commandLine().orElse("").contains(script)
        || p.info().commandLine().orElse("").contains("sleep 3171")).map(p -> p.info().commandLine().orElse("")))
        .as("processes left behind").isEmpty();
  }

  @Test
  void anAgentThatSpeaksAnotherProtocolVersionEndsTheRunBlockedWithAClearNote() {
    EngineResult result = run("""
        {"protocolVersion": 2, "turns": []}
        """);

    assertThat(result.stop().reason()).isEqualTo(Stop.Reason.AGENT_FAILED);
    assertThat(result.outcome()).isEqualTo(Stop.Outcome.BLOCKED);
    assertThat(result.stop().detail()).contains("speaks ACP protocol version 2 and Aegis speaks version 1");
  }

  @Test
  void anAgentThatWritesSomethingElseThanJsonToStdoutEndsTheRunBlocked() {
    EngineResult result = run("""
        {"turns": [[{"do": "garbage", "text": "Welcome to the agent!"}, {"do": "hang"}]]}
        """);

    assertThat(result.stop().reason()).isEqualTo(Stop.Reason.AGENT_FAILED);
    assertThat(result.stop().detail()).contains("not a JSON-RPC 2.0 message", "Welcome to the agent!");
  }

  @Test
  void anAgentThatCrashesMidTurnEndsTheRunBlockedWithItsLastErrorOutput() {
    EngineResult result = run("""
        {"turns": [[{"do": "exit", "code": 3}]]}
        """);

    assertThat(result.stop().reason()).isEqualTo(Stop.Reason.AGENT_FAILED);
    assertThat(result.stop().detail()).contains("closed its output");
  }

  @Test
  void anAgentThatNeverAnswersInitializeIsStoppedWithinTheBudget() {
    budget = new Budget(40, 2_000_000, 5.0, Duration.ofSeconds(3));
    EngineResult result = run("""
        {"hangOn": "initialize", "turns": []}
        """);

    assertThat(result.stop().reason()).isEqualTo(Stop.Reason.AGENT_FAILED);
    assertThat(result.stop().detail()).contains("did not answer initialize");
  }

  @Test
  void anUnreadableReportIsAskedForOnceMoreAndThenAccepted() throws Exception {
    EngineResult result = run("""
        {"turns": [[{"do": "say", "text": "I think add subtracts."}], [%s]]}
        """.formatted(REPORT));

    assertThat(result.stop().reason()).isEqualTo(Stop.Reason.FINISHED);
    assertThat(audit()).contains("\"report_refused\"", "has no ```aegis-report block");
  }

  @Test
  void anAgentThatNeverHandsBackAReportStopsAsNoFinish() {
    EngineResult result = run("""
        {"turns": [[{"do": "say", "text": "done"}], [{"do": "say", "text": "```aegis-report\\n{\\"summary\\": 1}\\n```"}]]}
        """);

    assertThat(result.stop().reason()).isEqualTo(Stop.Reason.NO_FINISH);
    assertThat(result.stop().detail()).contains("'root_cause' is missing");
  }
}
