package dev.aegis.core.agent;

import static org.assertj.core.api.Assertions.assertThat;

import dev.aegis.core.audit.AuditVerifier;
import dev.aegis.core.model.ModelClient;
import dev.aegis.core.model.ModelClients;
import dev.aegis.core.model.ModelSettings;
import dev.aegis.core.policy.CommandSandbox;
import dev.aegis.core.policy.Policy;
import dev.aegis.core.policy.Secrets;
import dev.aegis.testkit.model.RecordedRequest;
import dev.aegis.testkit.model.SampleProject;
import dev.aegis.testkit.model.ScriptedModelServer;
import dev.aegis.testkit.model.Wire;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** The whole loop over real HTTP, once per wire format, fixing a real failing test in a git repository. */
class FullLoopOverHttpTest {
  static final CommandSandbox SANDBOX = dev.aegis.core.support.Sandboxes.DETECTED;

  @TempDir Path temp;

  @ParameterizedTest
  @EnumSource(Wire.class)
  void scriptedModelFixesTheFailingTestAndLeavesVerifiedRecords(Wire wire) throws Exception {
    Path workspace = SampleProject.create(temp.resolve("repo"));
    try (ScriptedModelServer server = ScriptedModelServer.start(SampleProject.FIX_SCRIPT)) {
      Map<String, String> env = SampleProject.environment(Map.of(
          "OPENAI_API_KEY", "sk-test-openai-key-0001", "OPENAI_BASE_URL", server.openAiBaseUrl(),
          "ANTHROPIC_API_KEY", "sk-ant-test-key-0002", "ANTHROPIC_BASE_URL", server.baseUrl()));
      ModelClient model = ModelClients.create(providerModel(wire), ModelSettings.of(env));
      EngineResult result = Engines.loop(model, LoopSettings.of(env, SANDBOX, Progress.SILENT))
          .run(new EngineTask(workspace, Mode.FIX, "add(2, 3) prints -1 instead of 5", Policy.defaults(),
              Budget.defaults(), temp.resolve("records"), null, Secrets.none()));

      assertThat(server.failures()).isEmpty();
      assertThat(result.stop().reason()).as(result.stop().detail()).isEqualTo(Stop.Reason.FINISHED);
      assertThat(result.outcome()).isEqualTo(Stop.Outcome.FINISHED);
      FixReport fix = result.fix().orElseThrow();
      assertThat(fix.filesChanged()).containsExactly("src/calc.sh");
      assertThat(fix.testRun().passed()).isTrue();
      assertThat(fix.testRun().outputTail()).contains("PASS add");
      assertThat(Files.readString(workspace.resolve("src/calc.sh"))).contains("$(( $1 + $2 ))");
      assertThat(result.steps()).isEqualTo(8);
      assertThat(result.usage().inputTokens()).isPositive();
      assertThat(server.requests()).hasSize(8).allSatisfy(r -> assertThat(r.wire()).isEqualTo(wire));
      assertKeysNeverLeak(server);

      assertThat(Files.readAllLines(result.transcript())).anyMatch(l -> l.contains("\"type\":\"tool_result\""))
          .anyMatch(l -> l.contains("FAIL add: expected 5, got -1"));
      var verification = AuditVerifier.verify(result.auditLog(), result.auditFinalHash());
      assertThat(verification.intact()).as(verification.problem()).isTrue();
      assertThat(verification.entries()).isGreaterThan(16);
    }
  }

  private static void assertKeysNeverLeak(ScriptedModelServer server) {
    for (RecordedRequest request : server.requests()) {
      assertThat(request.body()).doesNotContain("sk-test-openai-key-0001").doesNotContain("sk-ant-test-key-0002");
    }
  }

  static String providerModel(Wire wire) {
    return switch (wire) {
      case CHAT_COMPLETIONS -> "openai/gpt-test";
      case RESPONSES -> "openai-responses/gpt-test";
      case ANTHROPIC_MESSAGES -> "anthropic/claude-test";
    };
  }
}
