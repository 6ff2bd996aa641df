package dev.aegis.core.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.aegis.testkit.model.ScriptedModelServer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ModelClientsTest {
  @TempDir Path temp;

  @Test
  void notProviderSlashModelIsAConfigError() {
    assertThatThrownBy(() -> ModelClients.create("gpt-5", ModelSettings.of(Map.of())))
        .isInstanceOfSatisfying(ModelException.class, e -> assertThat(e.kind()).isEqualTo(ModelException.Kind.CONFIG))
        .hasMessageContaining("provider/model");
  }

  @Test
  void unknownProviderListsTheKnownOnes() {
    assertThatThrownBy(() -> ModelClients.create("mistral/large", ModelSettings.of(Map.of())))
        .hasMessageContaining("openai, openai-responses, anthropic, openai-compatible or scripted");
  }

  @Test
  void missingKeysAndBaseUrlsNameTheVariableToSet() {
    assertThatThrownBy(() -> ModelClients.create("openai/gpt-5.5", ModelSettings.of(Map.of())))
        .hasMessageStartingWith("OPENAI_API_KEY is not set (nor AEGIS_MODEL_API_KEY)");
    assertThatThrownBy(() -> ModelClients.create("anthropic/claude-sonnet-4-6", ModelSettings.of(Map.of())))
        .hasMessageStartingWith("ANTHROPIC_API_KEY is not set");
    assertThatThrownBy(() -> ModelClients.create("openai-compatible/llama3", ModelSettings.of(Map.of())))
        .hasMessageContaining("AEGIS_MODEL_BASE_URL");
  }

  @Test
  void theNeutralKeyServesWhicheverProviderTheConfigurationNames() {
    try (ScriptedModelServer server = ScriptedModelServer.start("{\"steps\":[{\"text\":\"hi\",\"times\":0}]}")) {
      Map<String, String> env = Map.of(ModelClients.NEUTRAL_KEY_VARIABLE, "k-neutral",
          "OPENAI_BASE_URL", server.openAiBaseUrl(), "ANTHROPIC_BASE_URL", server.baseUrl() + "/");
      for (String model : List.of("openai/gpt-test", "openai-responses/gpt-test", "anthropic/claude-test")) {
        ModelClients.create(model, ModelSettings.of(env)).send(new ModelRequest("s", List.of(new Message.User("hi")),
            List.of(), 8));
      }

      assertThat(server.failures()).isEmpty();
      assertThat(server.requests()).extracting(r -> r.header("Authorization") + " " + r.header("x-api-key"))
          .containsExactly("Bearer k-neutral null", "Bearer k-neutral null", "null k-neutral");
    }
  }

  @Test
  void keyVariablesAreTheOnesEachProviderReads() {
    assertThat(ModelClients.keyVariablesFor("openai-responses/gpt-test")).containsExactly("OPENAI_API_KEY", "AEGIS_MODEL_API_KEY");
    assertThat(ModelClients.keyVariablesFor("anthropic/claude")).containsExactly("ANTHROPIC_API_KEY", "AEGIS_MODEL_API_KEY");
    assertThat(ModelClients.keyVariablesFor("openai-compatible/llama3")).containsExactly("AEGIS_MODEL_API_KEY");
    assertThat(ModelClients.keyVariablesFor("scripted/plan")).isEmpty();
    assertThat(ModelClients.keyVariablesFor(null)).isEqualTo(ModelClients.KEY_VARIABLES);
    assertThat(ModelClients.keyVariablesFor("gemini/pro")).isEqualTo(ModelClients.KEY_VARIABLES);
  }

  @Test
  void theProvidersOwnKeyWinsOverTheNeutralOne() {
    try (ScriptedModelServer server = ScriptedModelServer.start("{\"steps\":[{\"text\":\"hi\"}]}")) {
      ModelClients.create("openai/gpt-test", ModelSettings.of(Map.of("OPENAI_API_KEY", "sk-own",
          ModelClients.NEUTRAL_KEY_VARIABLE, "k-neutral", "OPENAI_BASE_URL", server.openAiBaseUrl())))
          .send(new ModelRequest("s", List.of(new Message.User("hi")), List.of(), 8));

      assertThat(server.requests().get(0).header("Authorization")).isEqualTo("Bearer sk-own");
    }
  }

  @Test
  void oneScriptPlaysTheSameInProcessAndOverHttp() throws Exception {
    String script = """
        {"steps": [
          {"status": 503},
          {"toolCalls": [{"name": "list_files", "arguments": {"path": "src"}}]},
          {"expectToolResultContains": "calc.sh", "text": "done", "usage": {"input": 10, "output": 2}}
        ]}
        """;
    Path file = Files.writeString(temp.resolve("script.json"), script);
    ModelClient inProcess = ModelClients.create("scripted/script.json",
        ModelSettings.of(Map.of()).withScriptDirectory(temp));
    try (ScriptedModelServer server = ScriptedModelServer.start(file)) {
      ModelClient overHttp = ModelClients.create("openai/m", ModelSettings.of(Map.of("OPENAI_API_KEY", "k-1234",
          "OPENAI_BASE_URL", server.openAiBaseUrl())).withRetry(RetryPolicy.defaults(), new RecordingSleeper()));
      for (ModelClient client : List.of(inProcess, overHttp)) {
        ModelReply first = client.send(new ModelRequest("s", List.of(new Message.User("go")), List.of(), 64));
        assertThat(first.toolCalls()).singleElement()
            .satisfies(c -> assertThat(c.arguments()).isEqualTo("{\"path\":\"src\"}"));
        ModelReply second = client.send(new ModelRequest("s", List.of(new Message.User("go"),
            new Message.Assistant("", first.toolCalls()), new Message.ToolResults(List.of(
                new ToolResult(first.toolCalls().get(0).id(), "list_files", "src/calc.sh", false)))), List.of(), 64));
        assertThat(second.text()).isEqualTo("done");
        assertThat(second.usage()).isEqualTo(new Usage(10, 2, 0));
      }
      assertThat(server.failures()).isEmpty();
    }
  }

  @Test
  void aScriptStepWhoseExpectationFailsIsABadRequest() throws Exception {
    Files.writeString(temp.resolve("s.json"), "{\"steps\":[{\"expectRequestContains\":\"needle\",\"text\":\"x\"}]}");
    ModelClient client = ModelClients.create("scripted/s.json", ModelSettings.of(Map.of()).withScriptDirectory(temp));
    assertThatThrownBy(() -> client.send(new ModelRequest("s", List.of(new Message.User("hay")), List.of(), 8)))
        .isInstanceOfSatisfying(ModelException.class, e -> assertThat(e.kind()).isEqualTo(ModelException.Kind.BAD_REQUEST))
        .hasMessageContaining("needle");
  }

  @Test
  void anExhaustedScriptSaysSo() throws Exception {
    Files.writeString(temp.resolve("s.json"), "{\"steps\":[{\"text\":\"x\"}]}");
    ModelClient client = ModelClients.create("scripted/s.json", ModelSettings.of(Map.of()).withScriptDirectory(temp));
    ModelRequest request = new ModelRequest("s", List.of(new Message.User("hi")), List.of(), 8);
    client.send(request);
    assertThatThrownBy(() -> client.send(request)).hasMessageContaining("no step left");
  }

  @Test
  void aMissingScriptIsAConfigError() {
    assertThatThrownBy(() -> ModelClients.create("scripted/nope", ModelSettings.of(Map.of())))
        .isInstanceOfSatisfying(ModelException.class, e -> assertThat(e.kind()).isEqualTo(ModelException.Kind.CONFIG));
  }

  @Test
  void aBundledScriptIsFoundOnTheClasspathByName() {
    ModelClient client = ModelClients.create("scripted/bundled-example", ModelSettings.of(Map.of()));
    assertThat(client.send(new ModelRequest("s", List.of(new Message.User("hi")), List.of(), 8)).text())
        .isEqualTo("bundled script reply");
    assertThat(client.model()).isEqualTo("scripted/bundled-example");
  }
}
