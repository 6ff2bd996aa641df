package dev.aegis.cli.e2e;

import static dev.aegis.cli.e2e.SampleBug.BODY;
import static dev.aegis.cli.e2e.SampleBug.READY;
import static dev.aegis.cli.e2e.SampleBug.TITLE;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.aegis.testkit.github.FakeComment;
import dev.aegis.testkit.model.RecordedRequest;
import dev.aegis.testkit.model.ScriptedModelServer;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * {@code agent: codex} through the fat jar in an Actions job: the real {@code codex-acp} (installed by
 * {@code scripts/install-peers.sh}), its model a scripted OpenAI Responses server (streamed), runs the project's
 * files through a command it asks permission for, and hands back the RCA in the fenced block; the RCA is the
 * status comment. Fails, never skips, when codex-acp is missing.
 */
class CodexJarIT extends OnFakeSite {
  static final String KEY = "sk-e2e-codex-key-that-must-never-leak";
  static final String REPORT = "```aegis-report\\n{\\\"summary\\\": \\\"total ignores SAVE10\\\", \\\"root_cause\\\":"
      + " \\\"src/cart.sh matches only the lower-case save10.\\\", \\\"evidence\\\": [{\\\"file\\\": \\\"src/cart.sh\\\","
      + " \\\"line\\\": 1, \\\"note\\\": \\\"the comparison\\\"}], \\\"fix_plan\\\": \\\"compare case-insensitively\\\","
      + " \\\"test_plan\\\": \\\"total 2000 SAVE10 = 1800\\\", \\\"risk\\\": \\\"low\\\"}\\n```";

  @Test
  void codexPlansALabelledBugAndTheRcaIsPostedWithoutLeakingTheGithubToken() throws IOException {
    Path peers = Path.of(System.getenv().getOrDefault("AEGIS_PEERS",
        System.getProperty("user.home") + "/.cache/aegis-peers"));
    assertThat(peers.resolve("node_modules/.bin/codex-acp"))
        .as("codex-acp is not installed in " + peers + ": run scripts/install-peers.sh").exists();
    try (ScriptedModelServer model = ScriptedModelServer.start("""
        {"steps": [
          {"expectRequestContains": "aegis-report", "toolCalls": [{"name": "exec_command", "arguments": {
            "cmd": "cat src/cart.sh; echo GITHUB_TOKEN=${GITHUB_TOKEN:-unset}",
            "sandbox_permissions": "require_escalated", "justification": "read the cart"}}]},
          {"expectToolResultContains": "GITHUB_TOKEN=unset", "text": "%s"}
        ]}
        """.formatted(REPORT))) {
      Path codexHome = Files.createDirectories(dir.resolve("codex-home"));
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
          """.formatted(model.openAiBaseUrl()));
      ActionsJob job = job().env("AEGIS_AGENT", "codex").env("OPENAI_API_KEY", KEY)
          .env("CODEX_HOME", codexHome.toString())
          .env("PATH", peers.resolve("node_modules/.bin") + ":" + System.getenv("PATH"))
          .env("AEGIS_SANDBOX_READ_PATHS", peers.toString())
          .env("AEGIS_SANDBOX_WRITE_PATHS", codexHome.toString())
          .event("issues", site.seed(Payloads.labeled(repo, TITLE, BODY, "bug", READY)));

      AegisProcess.Result r = job.run();

      assertThat(r.exit()).as(r.toString() + model.failures()).isZero();
      List<FakeComment> status = on.statusComments(1);
      assertThat(status).hasSize(1);
      JsonNode state = Observed.stateOf(status.get(0));
      assertThat(state.path("phase").asText()).isEqualTo("AWAITING_APPROVAL");
      assertThat(status.get(0).body()).contains("src/cart.sh matches only the lower-case save10", "src/cart.sh:1");
      List<RecordedRequest> requests = model.requests();
      assertThat(requests).hasSize(2).allSatisfy(q -> {
        assertThat(q.header("authorization")).isEqualTo("Bearer " + KEY);
        assertThat(q.body()).doesNotContain(FakeSite.TOKEN);
      });
      assertThat(ActionJarIT.withoutMaskCommands(r.out()) + r.err() + job.files()).doesNotContain(FakeSite.TOKEN, KEY);
    }
  }
}
