package dev.aegis.core.agent;

import static org.assertj.core.api.Assertions.assertThat;

import dev.aegis.core.policy.Policy;
import dev.aegis.core.policy.SandboxSettings;
import dev.aegis.core.policy.Secrets;
import dev.aegis.testkit.model.SampleProject;
import dev.aegis.testkit.model.ScriptedModelServer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The real Gemini CLI ({@code gemini --experimental-acp}, installed by {@code scripts/install-peers.sh}) as far as
 * it can be driven here: no scripted server speaks Gemini's API, so this checks the ACP handshake and that a model
 * it cannot reach ends the run blocked, in time, with nothing left running. Fails, never skips, when it is missing.
 */
class GeminiCliTest {
  @TempDir Path temp;
  final List<String> progress = new ArrayList<>();

  @Test
  void geminiCliShakesHandsAndAModelItCannotReachEndsTheRunBlockedInTime() throws Exception {
    Path peers = Path.of(System.getenv().getOrDefault("AEGIS_PEERS",
        System.getProperty("user.home") + "/.cache/aegis-peers"));
    assertThat(peers.resolve("node_modules/.bin/gemini"))
        .as("Gemini CLI is not installed in " + peers + ": run scripts/install-peers.sh").exists();
    Path workspace = SampleProject.create(temp.resolve("repo"));
    try (ScriptedModelServer notGemini = ScriptedModelServer.start("{\"steps\": []}")) {
      Map<String, String> env = new HashMap<>(SampleProject.environment(Map.of()));
      env.put("PATH", peers.resolve("node_modules/.bin") + ":" + env.getOrDefault("PATH", "/usr/bin:/bin"));
      env.put("GEMINI_API_KEY", "gemini-scripted-key-0001");
      env.put("GOOGLE_GEMINI_BASE_URL", notGemini.baseUrl());
      Policy policy = Policy.defaults().withReadOnly(true).withSandbox(new SandboxSettings(false, List.of(),
          List.of(peers.toString()), List.of()));
      long started = System.nanoTime();
      EngineResult result = Engines.acp(AgentSpec.parse("gemini"), LoopSettings.of(env, Harness.SANDBOX,
          progress::add)).run(new EngineTask(workspace, Mode.PLAN, "add(2, 3) prints -1", policy,
          new Budget(40, 2_000_000, 5.0, Duration.ofSeconds(45)), temp.resolve("records"), null,
          Secrets.fromEnvironment(env, List.of(), List.of())));

      assertThat(result.stop().reason()).as(progress + "\n" + result.stop()).isEqualTo(Stop.Reason.AGENT_FAILED);
      assertThat(result.outcome()).isEqualTo(Stop.Outcome.BLOCKED);
      // its model request reached the local stand-in (GOOGLE_GEMINI_BASE_URL passed through), whose 404 it relayed
      assertThat(result.stop().detail()).contains("gemini (gemini --experimental-acp)", "no such endpoint");
      assertThat(notGemini.requests()).isNotEmpty()
          .allSatisfy(q -> assertThat(q.body()).doesNotContain("ghs_"));
      assertThat(Files.readString(result.auditLog())).contains("\"agent_initialized\"", "gemini-cli");
      assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(60));
      assertThat(ProcessHandle.allProcesses().map(p -> p.info().commandLine().orElse(""))
          .filter(c -> c.contains(peers.resolve("node_modules").toString()) && c.contains("gemini")))
          .as("gemini processes left behind").isEmpty();
    }
  }
}
