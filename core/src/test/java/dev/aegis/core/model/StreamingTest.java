package dev.aegis.core.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.aegis.core.http.ServerSentEvents;
import dev.aegis.testkit.model.ScriptedModelServer;
import dev.aegis.testkit.model.Wire;
import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import okhttp3.OkHttpClient;
import okio.Buffer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class StreamingTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final ModelRequest REQUEST = new ModelRequest("sys", List.of(new Message.User("hi")), List.of(), 256);
  private final RecordingSleeper sleeper = new RecordingSleeper();

  private ModelClient client(Wire wire, ScriptedModelServer server, Duration idle) {
    Map<String, String> env = Map.of("OPENAI_API_KEY", "sk-stream-1", "OPENAI_BASE_URL", server.openAiBaseUrl(),
        "ANTHROPIC_API_KEY", "sk-ant-stream-2", "ANTHROPIC_BASE_URL", server.baseUrl());
    OkHttpClient http = new OkHttpClient.Builder().readTimeout(idle).build();
    ModelSettings settings = new ModelSettings(env, null, http, new RetryPolicy(2, Duration.ofMillis(1),
        Duration.ofMillis(2), Duration.ofSeconds(1)), sleeper, new Random(1), null);
    return ModelClients.create(id(wire), settings);
  }

  private static String id(Wire wire) {
    return switch (wire) {
      case CHAT_COMPLETIONS -> "openai/gpt-test";
      case RESPONSES -> "openai-responses/gpt-test";
      case ANTHROPIC_MESSAGES -> "anthropic/claude-test";
    };
  }

  private static final String STEP = "{\"text\":\"Looking at the parser now, then the tests.\","
      + "\"toolCalls\":[{\"name\":\"read_file\",\"arguments\":{\"path\":\"src/Parser.java\",\"line\":12}},"
      + "{\"name\":\"search\",\"arguments\":{\"pattern\":\"parse\\\\(\"}}],\"usage\":{\"input\":300,\"output\":40,"
      + "\"cached\":100}";

  @ParameterizedTest
  @EnumSource(Wire.class)
  void everyProviderIsAskedToStreamAndTheJoinedReplyEqualsThePlainOne(Wire wire) {
    String script = "{\"steps\":[" + STEP + "}," + STEP + ",\"ignoreStream\":true}]}";
    try (ScriptedModelServer server = ScriptedModelServer.start(script)) {
      ModelClient client = client(wire, server, Duration.ofSeconds(10));
      ModelReply streamed = client.send(REQUEST);
      ModelReply plain = client.send(REQUEST);

      assertThat(server.failures()).isEmpty();
      assertThat(server.requests()).allSatisfy(r -> assertThat(r.json().path("stream").asBoolean()).isTrue());
      assertThat(streamed.text()).isEqualTo("Looking at the parser now, then the tests.");
      assertThat(streamed.toolCalls()).extracting(ToolCall::name).containsExactly("read_file", "search");
      assertThat(streamed.toolCalls().get(0).arguments()).isEqualTo("{\"path\":\"src/Parser.java\",\"line\":12}");
      assertThat(streamed.usage()).isEqualTo(new Usage(300, 40, 100));
      assertThat(streamed.finishReason()).isEqualTo(ModelReply.FinishReason.TOOL_CALLS);
      assertThat(streamed).usingRecursiveComparison().ignoringFields("toolCalls.id").isEqualTo(plain);
    }
  }

  @Test
  void chatAsksForTheUsageChunkSoAStreamedRunStillCountsItsTokens() {
    try (ScriptedModelServer server = ScriptedModelServer.start("{\"steps\":[{\"text\":\"ok\",\"usage\":"
        + "{\"input\":11,\"output\":3}}]}")) {
      ModelReply reply = client(Wire.CHAT_COMPLETIONS, server, Duration.ofSeconds(10)).send(REQUEST);

      assertThat(server.requests().get(0).json().path("stream_options").path("include_usage").asBoolean()).isTrue();
      assertThat(reply.usage()).isEqualTo(new Usage(11, 3, 0));
    }
  }

  @ParameterizedTest
  @EnumSource(Wire.class)
  void aSlowButSteadyStreamIsNotCutByTheIdleTimeout(Wire wire) {
    // 8 pieces of text 100 ms apart: about 1 s in all, with an idle timeout of 400 ms
    String text = "a".repeat(56);
    String script = "{\"steps\":[{\"text\":\"" + text + "\",\"eventDelayMillis\":100}]}";
    try (ScriptedModelServer server = ScriptedModelServer.start(script)) {
      ModelReply reply = client(wire, server, Duration.ofMillis(400)).send(REQUEST);

      assertThat(reply.text()).isEqualTo(text);
      assertThat(sleeper.waits).isEmpty();
    }
  }

  @ParameterizedTest
  @EnumSource(Wire.class)
  void aStreamThatStallsMidwayIsRetriedOnceTheIdleTimeoutPasses(Wire wire) {
    String script = "{\"steps\":[{\"text\":\"never finished\",\"streamFault\":{\"after\":2,\"kind\":\"stall\","
        + "\"millis\":3000}},{\"text\":\"second try\"}]}";
    try (ScriptedModelServer server = ScriptedModelServer.start(script)) {
      ModelReply reply = client(wire, server, Duration.ofMillis(300)).send(REQUEST);

      assertThat(reply.text()).isEqualTo("second try");
      assertThat(sleeper.waits).hasSize(1);
    }
  }

  @ParameterizedTest
  @EnumSource(Wire.class)
  void aStreamCutBeforeItsEndIsRetriedNotTakenAsAShortReply(Wire wire) {
    String script = "{\"steps\":[{\"text\":\"cut in the middle of this\",\"streamFault\":{\"after\":3,"
        + "\"kind\":\"cut\"}},{\"text\":\"whole\"}]}";
    try (ScriptedModelServer server = ScriptedModelServer.start(script)) {
      assertThat(client(wire, server, Duration.ofSeconds(5)).send(REQUEST).text()).isEqualTo("whole");
      assertThat(sleeper.waits).hasSize(1);
    }
  }

  @ParameterizedTest
  @EnumSource(Wire.class)
  void aServerErrorInsideTheStreamIsRetriedLikeThe5xxItStandsFor(Wire wire) {
    String script = "{\"steps\":[{\"text\":\"x\",\"streamFault\":{\"after\":1,\"kind\":\"error\"}},"
        + "{\"text\":\"after the error\"}]}";
    try (ScriptedModelServer server = ScriptedModelServer.start(script)) {
      assertThat(client(wire, server, Duration.ofSeconds(5)).send(REQUEST).text()).isEqualTo("after the error");
      assertThat(sleeper.waits).hasSize(1);
    }
  }

  @Test
  void anInvalidRequestErrorInsideTheStreamIsNotRetried() {
    String script = "{\"steps\":[{\"text\":\"x\",\"streamFault\":{\"after\":1,\"kind\":\"error\","
        + "\"type\":\"invalid_request_error\"}},{\"text\":\"unused\"}]}";
    try (ScriptedModelServer server = ScriptedModelServer.start(script)) {
      assertThatThrownBy(() -> client(Wire.ANTHROPIC_MESSAGES, server, Duration.ofSeconds(5)).send(REQUEST))
          .isInstanceOfSatisfying(ModelException.class, e -> {
            assertThat(e.kind()).isEqualTo(ModelException.Kind.BAD_REQUEST);
            assertThat(e.getMessage()).contains("invalid_request_error");
          });
      assertThat(sleeper.waits).isEmpty();
    }
  }

  @Test
  void anIdleTimeoutThatIsNotANumberIsAConfigurationError() {
    assertThatThrownBy(() -> JsonHttp.idleTimeout(Map.of("AEGIS_MODEL_IDLE_TIMEOUT", "2m")))
        .isInstanceOfSatisfying(ModelException.class, e -> {
          assertThat(e.kind()).isEqualTo(ModelException.Kind.CONFIG);
          assertThat(e.getMessage()).contains("AEGIS_MODEL_IDLE_TIMEOUT", "2m");
        });
    assertThat(JsonHttp.idleTimeout(Map.of("AEGIS_MODEL_IDLE_TIMEOUT", "45"))).isEqualTo(Duration.ofSeconds(45));
    assertThat(JsonHttp.idleTimeout(Map.of())).isEqualTo(JsonHttp.IDLE_TIMEOUT);
  }

  // The folds against event sequences written as the providers document them (not as our fake writes them).

  @Test
  void anthropicsDocumentedToolUseStreamFoldsIntoTheMessageItStandsFor() throws IOException {
    String wire = """
        event: message_start
        data: {"type":"message_start","message":{"id":"msg_014p7gG3wDgGV9EUtLvnow3U","type":"message","role":"assistant","model":"claude-test","stop_sequence":null,"usage":{"input_tokens":472,"output_tokens":2},"content":[],"stop_reason":null}}

        event: content_block_start
        data: {"type":"content_block_start","index":0,"content_block":{"type":"text","text":""}}

        event: ping
        data: {"type": "ping"}

        event: content_block_delta
        data: {"type":"content_block_delta","index":0,"delta":{"type":"text_delta","text":"Okay"}}

        event: content_block_delta
        data: {"type":"content_block_delta","index":0,"delta":{"type":"text_delta","text":", let's check the weather."}}

        event: content_block_stop
        data: {"type":"content_block_stop","index":0}

        event: content_block_start
        data: {"type":"content_block_start","index":1,"content_block":{"type":"tool_use","id":"toolu_01T1x1fJ34qAmk2tNTrN7Up6","name":"get_weather","input":{}}}

        event: content_block_delta
        data: {"type":"content_block_delta","index":1,"delta":{"type":"input_json_delta","partial_json":""}}

        event: content_block_delta
        data: {"type":"content_block_delta","index":1,"delta":{"type":"input_json_delta","partial_json":"{\\"location\\":"}}

        event: content_block_delta
        data: {"type":"content_block_delta","index":1,"delta":{"type":"input_json_delta","partial_json":" \\"San Francisco, CA\\"}"}}

        event: content_block_stop
        data: {"type":"content_block_stop","index":1}

        event: message_delta
        data: {"type":"message_delta","delta":{"stop_reason":"tool_use","stop_sequence":null},"usage":{"output_tokens":89}}

        event: message_stop
        data: {"type":"message_stop"}

        """;
    JsonNode message = fold(wire, new AnthropicStream(JSON));

    assertThat(message.path("content").get(0).path("text").asText()).isEqualTo("Okay, let's check the weather.");
    assertThat(message.path("content").get(1).path("input").path("location").asText()).isEqualTo("San Francisco, CA");
    assertThat(message.path("stop_reason").asText()).isEqualTo("tool_use");
    assertThat(message.path("usage").path("input_tokens").asInt()).isEqualTo(472);
    assertThat(message.path("usage").path("output_tokens").asInt()).isEqualTo(89);
  }

  @Test
  void responsesTakesTheFinalResponseFromResponseCompleted() throws IOException {
    String wire = """
        event: response.created
        data: {"type":"response.created","response":{"id":"resp_67c9","object":"response","status":"in_progress","output":[]},"sequence_number":0}

        event: response.output_text.delta
        data: {"type":"response.output_text.delta","item_id":"msg_67c9","output_index":0,"content_index":0,"delta":"Hi","sequence_number":1}

        event: response.completed
        data: {"type":"response.completed","response":{"id":"resp_67c9","object":"response","status":"completed","output":[{"type":"message","id":"msg_67c9","status":"completed","role":"assistant","content":[{"type":"output_text","text":"Hi","annotations":[]}]}],"usage":{"input_tokens":37,"output_tokens":11,"input_tokens_details":{"cached_tokens":0},"total_tokens":48}},"sequence_number":2}

        """;
    JsonNode response = fold(wire, new ResponsesStream());

    assertThat(response.path("output").get(0).path("content").get(0).path("text").asText()).isEqualTo("Hi");
    assertThat(response.path("usage").path("total_tokens").asInt()).isEqualTo(48);
  }

  @Test
  void chatJoinsToolCallFragmentsByIndexAndKeepsTheUsageChunk() throws IOException {
    String wire = """
        data: {"id":"chatcmpl-1","object":"chat.completion.chunk","created":1,"model":"gpt-test","choices":[{"index":0,"delta":{"role":"assistant","content":null,"tool_calls":[{"index":0,"id":"call_abc","type":"function","function":{"name":"get_weather","arguments":""}}]},"finish_reason":null}],"usage":null}

        data: {"id":"chatcmpl-1","object":"chat.completion.chunk","created":1,"model":"gpt-test","choices":[{"index":0,"delta":{"tool_calls":[{"index":0,"function":{"arguments":"{\\"loc"}}]},"finish_reason":null}],"usage":null}

        data: {"id":"chatcmpl-1","object":"chat.completion.chunk","created":1,"model":"gpt-test","choices":[{"index":0,"delta":{"tool_calls":[{"index":0,"function":{"arguments":"ation\\":\\"Paris\\"}"}}]},"finish_reason":null}],"usage":null}

        data: {"id":"chatcmpl-1","object":"chat.completion.chunk","created":1,"model":"gpt-test","choices":[{"index":0,"delta":{},"finish_reason":"tool_calls"}],"usage":null}

        data: {"id":"chatcmpl-1","object":"chat.completion.chunk","created":1,"model":"gpt-test","choices":[],"usage":{"prompt_tokens":82,"completion_tokens":17,"total_tokens":99}}

        data: [DONE]

        """;
    JsonNode completion = fold(wire, new ChatStream(JSON));

    JsonNode call = completion.path("choices").get(0).path("message").path("tool_calls").get(0);
    assertThat(call.path("id").asText()).isEqualTo("call_abc");
    assertThat(call.path("function").path("arguments").asText()).isEqualTo("{\"location\":\"Paris\"}");
    assertThat(completion.path("choices").get(0).path("finish_reason").asText()).isEqualTo("tool_calls");
    assertThat(completion.path("usage").path("total_tokens").asInt()).isEqualTo(99);
  }

  @Test
  void eventsFollowTheStandardDataLinesJoinCommentsSkipAndAnUnfinishedEventIsDropped() throws IOException {
    String wire = ": keep-alive\n\nevent: a\ndata: one\ndata: two\nid: 7\n\ndata:three\n\ndata: never ended";
    List<ServerSentEvents.Event> seen = new ArrayList<>();
    boolean stopped = ServerSentEvents.read(new Buffer().writeUtf8(wire), e -> seen.add(e));

    assertThat(stopped).isFalse();
    assertThat(seen).containsExactly(new ServerSentEvents.Event("a", "one\ntwo"),
        new ServerSentEvents.Event("message", "three"));
  }

  private static JsonNode fold(String wire, ReplyStream fold) throws IOException {
    ServerSentEvents.read(new Buffer().writeUtf8(wire), e -> fold.accept(e.name(), data(e.data())));
    assertThat(fold.reply()).as("the fold completed").isNotNull();
    return fold.reply();
  }

  private static JsonNode data(String data) {
    try {
      return JSON.readTree(data);
    } catch (IOException e) {
      return JSON.getNodeFactory().textNode(data);
    }
  }
}
