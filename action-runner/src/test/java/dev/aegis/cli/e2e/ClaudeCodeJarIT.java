package dev.aegis.cli.e2e;

import static dev.aegis.cli.e2e.SampleBug.BODY;
import static dev.aegis.cli.e2e.SampleBug.READY;
import static dev.aegis.cli.e2e.SampleBug.TITLE;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.aegis.testkit.github.FakeComment;
import dev.aegis.testkit.model.RecordedRequest;
import dev.aegis.testkit.model.ScriptedModelServer;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * {@code agent: claude-code} through the fat jar in an Actions job: the real {@code claude-agent-acp} (installed
 * by {@code scripts/install-peers.sh}), its model a scripted Anthropic Messages server, plans the labelled bug and
 * hands back the RCA with Aegis's MCP {@code finish} tool; the RCA is the status comment. Fails, never skips,
 * when claude-agent-acp is missing.
 */
class ClaudeCodeJarIT extends OnFakeSite {
  static final String KEY = "sk-ant-e2e-claude-key-that-must-never-leak";

  @Test
  void claudeCodePlansALabelledBugAndTheRcaIsPostedWithoutLeakingTheGithubToken() {
    Path peers = Path.of(System.getenv().getOrDefault("AEGIS_PEERS",
        System.getProperty("user.home") + "/.cache/aegis-peers"));
    assertThat(peers.resolve("node_modules/.bin/claude-agent-acp"))
        .as("claude-agent-acp is not installed in " + peers + ": run scripts/install-peers.sh").exists();
    try (ScriptedModelServer model = ScriptedModelServer.start("""
        {"steps": [
          {"expectRequestContains": "mcp__aegis__finish", "toolCalls": [{"name": "mcp__aegis__finish", "arguments": {
            "summary": "total ignores SAVE10: the code is compared case-sensitively.",
            "root_cause": "src/cart.sh matches only the lower-case save10.",
            "evidence": [{"file": "src/cart.sh", "line": 1, "note": "the comparison"}],
            "fix_plan": "Compare the code case-insensitively.", "test_plan": "Add total 2000 SAVE10 = 1800.",
            "risk": "low"}}]},
          {"expectToolResultContains": "report accepted", "text": "Handed back."}
        ]}
        """)) {
      ActionsJob job = job().env("AEGIS_AGENT", "claude-code").env("ANTHROPIC_API_KEY", KEY)
          .env("ANTHROPIC_BASE_URL", model.baseUrl())
          .env("PATH", peers.resolve("node_modules/.bin") + ":" + System.getenv("PATH"))
          .env("AEGIS_SANDBOX_READ_PATHS", peers.toString())
          .event("issues", site.seed(Payloads.labeled(repo, TITLE, BODY, "bug", READY)));

      AegisProcess.Result r = job.run();

      assertThat(r.exit()).as(r.toString() + model.failures()).isZero();
      List<FakeComment> status = on.statusComments(1);
      assertThat(status).hasSize(1);
      JsonNode state = Observed.stateOf(status.get(0));
      assertThat(state.path("phase").asText()).isEqualTo("AWAITING_APPROVAL");
      assertThat(status.get(0).body()).contains("src/cart.sh matches only the lower-case save10", "src/cart.sh:1");
      assertThat(on.aegisLabels(1)).containsExactly("aegis:awaiting-approval");
      List<RecordedRequest> requests = model.requests();
      assertThat(requests).filteredOn(q -> q.path().startsWith("/v1/messages")).isNotEmpty()
          .allSatisfy(q -> assertThat(q.header("x-api-key")).isEqualTo(KEY));
      assertThat(requests).allSatisfy(q -> assertThat(q.body()).doesNotContain(FakeSite.TOKEN));
      assertThat(ActionJarIT.withoutMaskCommands(r.out()) + r.err() + job.files()).doesNotContain(FakeSite.TOKEN, KEY);
      assertThat(status.get(0).body()).doesNotContain(KEY, FakeSite.TOKEN);
    }
  }
}
