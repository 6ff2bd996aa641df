package dev.aegis.core.model;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.aegis.testkit.model.RecordedRequest;
import dev.aegis.testkit.model.ScriptedModelServer;
import dev.aegis.testkit.model.Wire;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** Each client against the scripted server: request shapes as the APIs define them, replies parsed. */
class WireFormatTest {
  static final String SCHEMA = "{\"type\":\"object\",\"properties\":{\"path\":{\"type\":\"string\"}},"
      + "\"required\":[\"path\"]}";
  static final ToolSpec READ = new ToolSpec("read_file", "Read a file.", SCHEMA);
  static final ToolSpec READ_TOO = new ToolSpec("read_more", "Read another file.", SCHEMA);
  static final String SCRIPT = """
      {"steps": [
        {"text": "Reading.", "toolCalls": [{"name": "read_file", "arguments": {"path": "a.txt"}}],
         "usage": {"input": 120, "output": 30, "cached": 20}},
        {"expectToolResultContains": "hello from a.txt", "text": "Done.", "usage": {"input": 200, "output": 5}}
      ]}
      """;

  static final String TWO_REPLIES = "{\"steps\":[{\"text\":\"one\"},{\"text\":\"two\"}]}";

  static ModelClient client(Wire wire, ScriptedModelServer server) {
    Map<String, String> env = Map.of("OPENAI_API_KEY", "sk-wire-test-1", "OPENAI_BASE_URL", server.openAiBaseUrl(),
        "ANTHROPIC_API_KEY", "sk-ant-wire-test-2", "ANTHROPIC_BASE_URL", server.baseUrl() + "/");
    String id = switch (wire) {
      case CHAT_COMPLETIONS -> "openai/gpt-test";
      case RESPONSES -> "openai-responses/gpt-test";
      case ANTHROPIC_MESSAGES -> "anthropic/claude-test";
    };
    return ModelClients.create(id, ModelSettings.of(env));
  }

  @ParameterizedTest
  @EnumSource(Wire.class)
  void aToolRoundTripParsesCallsAndUsageAndAnswersWithTheResult(Wire wire) {
    try (ScriptedModelServer server = ScriptedModelServer.start(SCRIPT)) {
      ModelClient client = client(wire, server);
      List<Message> conversation = List.of(new Message.User("Read a.txt"));
      ModelReply first = client.send(new ModelRequest("You are a test.", conversation, List.of(READ), 512));

      assertThat(first.text()).isEqualTo("Reading.");
      assertThat(first.finishReason()).isEqualTo(ModelReply.FinishReason.TOOL_CALLS);
      assertThat(first.toolCalls()).singleElement().satisfies(call -> {
        assertThat(call.name()).isEqualTo("read_file");
        assertThat(call.arguments()).isEqualTo("{\"path\":\"a.txt\"}");
      });
      assertThat(first.usage()).isEqualTo(new Usage(120, 30, 20));

      ToolCall call = first.toolCalls().get(0);
      ModelReply second = client.send(new ModelRequest("You are a test.", List.of(conversation.get(0),
          new Message.Assistant(first.text(), first.toolCalls()),
          new Message.ToolResults(List.of(new ToolResult(call.id(), "read_file", "hello from a.txt", false)))),
          List.of(READ), 512));

      assertThat(server.failures()).isEmpty();
      assertThat(second.text()).isEqualTo("Done.");
      assertThat(second.finishReason()).isEqualTo(ModelReply.FinishReason.END_TURN);
      assertThat(second.toolCalls()).isEmpty();
    }
  }

  @Test
  void chatCompletionsRequestHasSystemMessageFunctionToolsAndBearerKey() {
    RecordedRequest request = firstRequest(Wire.CHAT_COMPLETIONS);
    assertThat(request.path()).isEqualTo("/v1/chat/completions");
    assertThat(request.header("Authorization")).isEqualTo("Bearer sk-wire-test-1");
    JsonNode body = request.json();
    assertThat(body.path("messages").get(0).path("role").asText()).isEqualTo("system");
    assertThat(body.path("messages").get(1).path("content").asText()).isEqualTo("Read a.txt");
    assertThat(body.path("tools").get(0).path("type").asText()).isEqualTo("function");
    assertThat(body.path("tools").get(0).path("function").path("parameters").path("required").get(0).asText())
        .isEqualTo("path");
    assertThat(body.path("max_completion_tokens").asInt()).isEqualTo(512);
  }

  @Test
  void responsesRequestHasInstructionsInputItemsAndFlatFunctionTools() {
    RecordedRequest request = firstRequest(Wire.RESPONSES);
    assertThat(request.path()).isEqualTo("/v1/responses");
    JsonNode body = request.json();
    assertThat(body.path("instructions").asText()).isEqualTo("You are a test.");
    assertThat(body.path("input").get(0).path("role").asText()).isEqualTo("user");
    assertThat(body.path("tools").get(0).path("name").asText()).isEqualTo("read_file");
    assertThat(body.path("max_output_tokens").asInt()).isEqualTo(512);
  }

  @Test
  void anthropicRequestHasVersionHeaderKeyTopLevelSystemAndInputSchema() {
    RecordedRequest request = firstRequest(Wire.ANTHROPIC_MESSAGES);
    assertThat(request.path()).isEqualTo("/v1/messages");
    assertThat(request.header("x-api-key")).isEqualTo("sk-ant-wire-test-2");
    assertThat(request.header("anthropic-version")).isEqualTo("2023-06-01");
    JsonNode body = request.json();
    assertThat(body.path("system").get(0).path("text").asText()).isEqualTo("You are a test.");
    assertThat(body.path("max_tokens").asInt()).isEqualTo(512);
    assertThat(body.path("tools").get(0).path("input_schema").path("type").asText()).isEqualTo("object");
  }

  @Test
  void anthropicMarksTheToolsTheSystemPromptAndTheConversationSoFarAsACachedPrefix() {
    try (ScriptedModelServer server = ScriptedModelServer.start(TWO_REPLIES)) {
      ModelClient client = client(Wire.ANTHROPIC_MESSAGES, server);
      ToolCall call = new ToolCall("toolu_1", "read_file", "{\"path\":\"a.txt\"}");
      List<Message> conversation = List.of(new Message.User("Read a.txt"), new Message.Assistant("", List.of(call)),
          new Message.ToolResults(List.of(new ToolResult("toolu_1", "read_file", "hello", false))));
      client.send(new ModelRequest("You are a test.", conversation.subList(0, 1), List.of(READ, READ_TOO), 512));
      client.send(new ModelRequest("You are a test.", conversation, List.of(READ, READ_TOO), 512));

      assertThat(server.failures()).isEmpty();
      JsonNode body = server.requests().get(1).json();
      assertThat(body.path("tools").get(0).has("cache_control")).isFalse();
      assertThat(body.path("tools").get(1).path("cache_control").path("type").asText()).isEqualTo("ephemeral");
      assertThat(body.path("system").get(0).path("cache_control").path("type").asText()).isEqualTo("ephemeral");
      JsonNode messages = body.path("messages");
      JsonNode lastBlock = messages.get(messages.size() - 1).path("content").get(0);
      assertThat(lastBlock.path("type").asText()).isEqualTo("tool_result");
      assertThat(lastBlock.path("cache_control").path("type").asText()).isEqualTo("ephemeral");
      assertThat(messages.get(0).path("content").get(0).has("cache_control")).as("one breakpoint per prefix").isFalse();
    }
  }

  @Test
  void openAiRequestsCarryOnePromptCacheKeyForAllStepsOfARun() {
    for (Wire wire : List.of(Wire.CHAT_COMPLETIONS, Wire.RESPONSES)) {
      try (ScriptedModelServer server = ScriptedModelServer.start(TWO_REPLIES)) {
        ModelClient client = client(wire, server);
        client.send(new ModelRequest("You are a test.", List.of(new Message.User("a")), List.of(READ), 64));
        client.send(new ModelRequest("You are a test.", List.of(new Message.User("a"), new Message.Assistant("b",
            List.of()), new Message.User("c")), List.of(READ), 64));
        String first = server.requests().get(0).json().path("prompt_cache_key").asText();
        assertThat(first).startsWith("aegis-");
        assertThat(server.requests().get(1).json().path("prompt_cache_key").asText()).isEqualTo(first);
        assertThat(server.failures()).isEmpty();
      }
    }
  }

  @Test
  void anthropicToolResultsAndAFollowingNudgeShareOneUserTurn() {
    String script = "{\"steps\":[{\"text\":\"ok\"}]}";
    try (ScriptedModelServer server = ScriptedModelServer.start(script)) {
      ModelClient client = client(Wire.ANTHROPIC_MESSAGES, server);
      ToolCall call = new ToolCall("toolu_1", "read_file", "{\"path\":\"a\"}");
      client.send(new ModelRequest("s", List.of(new Message.User("go"), new Message.Assistant("", List.of(call)),
          new Message.ToolResults(List.of(new ToolResult("toolu_1", "read_file", "", true))),
          new Message.User("please finish")), List.of(READ), 100));
      assertThat(server.failures()).isEmpty();
      JsonNode messages = server.requests().get(0).json().path("messages");
      assertThat(messages).hasSize(3);
      assertThat(messages.get(2).path("content").get(0).path("is_error").asBoolean()).isTrue();
      assertThat(messages.get(2).path("content").get(0).path("content").asText()).isEqualTo("(no output)");
      assertThat(messages.get(2).path("content").get(1).path("text").asText()).isEqualTo("please finish");
    }
  }

  @Test
  void openAiCompatibleUsesItsOwnBaseUrlAndMaxTokens() {
    try (ScriptedModelServer server = ScriptedModelServer.start("{\"steps\":[{\"text\":\"hi\"}]}")) {
      ModelClient client = ModelClients.create("openai-compatible/meta-llama/llama-3.3",
          ModelSettings.of(Map.of("AEGIS_MODEL_BASE_URL", server.openAiBaseUrl(), "AEGIS_MODEL_API_KEY", "k-123",
              "OPENAI_API_KEY", "sk-must-not-be-sent")));
      assertThat(client.send(new ModelRequest("s", List.of(new Message.User("hi")), List.of(), 64)).text())
          .isEqualTo("hi");
      RecordedRequest request = server.requests().get(0);
      assertThat(request.json().path("model").asText()).isEqualTo("meta-llama/llama-3.3");
      assertThat(request.json().path("max_tokens").asInt()).isEqualTo(64);
      assertThat(request.header("Authorization")).isEqualTo("Bearer k-123");
      assertThat(client.model()).isEqualTo("openai-compatible/meta-llama/llama-3.3");
    }
  }

  private static RecordedRequest firstRequest(Wire wire) {
    try (ScriptedModelServer server = ScriptedModelServer.start(SCRIPT)) {
      client(wire, server).send(new ModelRequest("You are a test.", List.of(new Message.User("Read a.txt")),
          List.of(READ), 512));
      assertThat(server.failures()).isEmpty();
      return server.requests().get(0);
    }
  }
}
