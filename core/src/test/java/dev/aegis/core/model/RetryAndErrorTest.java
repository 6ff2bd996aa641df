package dev.aegis.core.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.aegis.testkit.model.ScriptedModelServer;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

class RetryAndErrorTest {
  static final String KEY = "sk-retry-test-key-777";
  static final ModelRequest REQUEST = new ModelRequest("s", List.of(new Message.User("hi")), List.of(), 64);
  final RecordingSleeper sleeper = new RecordingSleeper();

  private ModelClient client(ScriptedModelServer server, String provider) {
    Map<String, String> env = Map.of("OPENAI_API_KEY", KEY, "OPENAI_BASE_URL", server.openAiBaseUrl(),
        "ANTHROPIC_API_KEY", KEY, "ANTHROPIC_BASE_URL", server.baseUrl());
    ModelSettings settings = new ModelSettings(env, null, null,
        new RetryPolicy(3, Duration.ofSeconds(1), Duration.ofSeconds(8), Duration.ofSeconds(60)), sleeper,
        new Random(7), null);
    return ModelClients.create(provider + "/m", settings);
  }

  @Test
  void rateLimitThenSuccessWaitsWhatRetryAfterSays() {
    String script = "{\"steps\":[{\"status\":429,\"retryAfter\":\"7\"},{\"text\":\"ok\"}]}";
    try (ScriptedModelServer server = ScriptedModelServer.start(script)) {
      assertThat(client(server, "openai").send(REQUEST).text()).isEqualTo("ok");
      assertThat(sleeper.waits).containsExactly(Duration.ofSeconds(7));
      assertThat(server.requests()).hasSize(2);
    }
  }

  @Test
  void serverErrorsBackOffExponentiallyWithJitter() {
    String script = "{\"steps\":[{\"status\":500},{\"status\":503},{\"status\":529},{\"text\":\"ok\"}]}";
    try (ScriptedModelServer server = ScriptedModelServer.start(script)) {
      assertThat(client(server, "anthropic").send(REQUEST).text()).isEqualTo("ok");
      assertThat(sleeper.waits).hasSize(3);
      assertThat(sleeper.waits.get(0)).isBetween(Duration.ofMillis(500), Duration.ofSeconds(1));
      assertThat(sleeper.waits.get(1)).isBetween(Duration.ofSeconds(1), Duration.ofSeconds(2));
      assertThat(sleeper.waits.get(2)).isBetween(Duration.ofSeconds(2), Duration.ofSeconds(4));
    }
  }

  @Test
  void rateLimitThatOutlastsTheRetriesIsATypedError() {
    String script = "{\"steps\":[{\"status\":429,\"retryAfter\":\"1\",\"times\":0}]}";
    try (ScriptedModelServer server = ScriptedModelServer.start(script)) {
      assertThatThrownBy(() -> client(server, "openai").send(REQUEST))
          .isInstanceOfSatisfying(ModelException.class, e -> {
            assertThat(e.kind()).isEqualTo(ModelException.Kind.RATE_LIMITED);
            assertThat(e.status()).isEqualTo(429);
            assertThat(e.retryAfter()).contains(Duration.ofSeconds(1));
            assertThat(e.url()).hasValueSatisfying(u -> assertThat(u).endsWith("/v1/chat/completions"));
          });
      assertThat(server.requests()).hasSize(4);
    }
  }

  @Test
  void aRetryAfterLongerThanAllowedFailsAtOnce() {
    String script = "{\"steps\":[{\"status\":429,\"retryAfter\":\"3600\"},{\"text\":\"ok\"}]}";
    try (ScriptedModelServer server = ScriptedModelServer.start(script)) {
      assertThatThrownBy(() -> client(server, "openai").send(REQUEST)).isInstanceOf(ModelException.class)
          .hasMessageContaining("wait 3600s");
      assertThat(sleeper.waits).isEmpty();
    }
  }

  @Test
  void refusedKeyIsATypedAuthErrorThatNamesTheVariableNotTheValue() {
    String script = "{\"steps\":[{\"status\":401,\"body\":\"{\\\"error\\\":{\\\"message\\\":\\\"Incorrect API key "
        + "provided: " + KEY + "\\\"}}\"}]}";
    try (ScriptedModelServer server = ScriptedModelServer.start(script)) {
      assertThatThrownBy(() -> client(server, "openai").send(REQUEST))
          .isInstanceOfSatisfying(ModelException.class, e -> {
            assertThat(e.kind()).isEqualTo(ModelException.Kind.AUTH);
            assertThat(e.status()).isEqualTo(401);
            assertThat(e.getMessage()).startsWith("OPENAI_API_KEY was refused (401)").contains("check the key")
                .doesNotContain(KEY);
          });
      assertThat(sleeper.waits).isEmpty();
    }
  }

  @Test
  void anOpenAiCompatibleServerRefusingARequestWithoutAKeySaysNoKeyWasSentAndHowToGiveOne() {
    try (ScriptedModelServer server = ScriptedModelServer.start("{\"steps\":[{\"status\":401}]}")) {
      ModelSettings settings = new ModelSettings(Map.of("AEGIS_MODEL_BASE_URL", server.openAiBaseUrl()), null, null,
          new RetryPolicy(1, Duration.ofSeconds(1), Duration.ofSeconds(1), Duration.ofSeconds(60)), sleeper,
          new Random(7), null);
      assertThatThrownBy(() -> ModelClients.create("openai-compatible/llama", settings).send(REQUEST))
          .isInstanceOfSatisfying(ModelException.class, e -> assertThat(e.getMessage())
              .startsWith("no key was sent (AEGIS_MODEL_API_KEY is not set)").contains("model-api-key"));
      assertThat(server.requests().get(0).headers()).doesNotContainKey("authorization");
    }
  }

  @Test
  void forbiddenAndBadRequestAreTypedAndNotRetried() {
    try (ScriptedModelServer server = ScriptedModelServer.start("{\"steps\":[{\"status\":403},{\"status\":400}]}")) {
      ModelClient client = client(server, "anthropic");
      assertThatThrownBy(() -> client.send(REQUEST)).hasMessageStartingWith("ANTHROPIC_API_KEY was refused (403)");
      assertThatThrownBy(() -> client.send(REQUEST)).isInstanceOfSatisfying(ModelException.class,
          e -> assertThat(e.kind()).isEqualTo(ModelException.Kind.BAD_REQUEST));
      assertThat(server.requests()).hasSize(2);
    }
  }

  @Test
  void contextOverflowIsItsOwnKind() {
    String script = "{\"steps\":[{\"status\":400,\"body\":\"{\\\"error\\\":{\\\"message\\\":\\\"This model's "
        + "maximum context length is 128000 tokens\\\",\\\"code\\\":\\\"context_length_exceeded\\\"}}\"}]}";
    try (ScriptedModelServer server = ScriptedModelServer.start(script)) {
      assertThatThrownBy(() -> client(server, "openai").send(REQUEST)).isInstanceOfSatisfying(ModelException.class,
          e -> assertThat(e.kind()).isEqualTo(ModelException.Kind.CONTEXT_TOO_LARGE));
    }
  }

  @Test
  void unreachableServerIsANetworkErrorAfterRetries() {
    ModelSettings settings = new ModelSettings(Map.of("OPENAI_API_KEY", KEY, "OPENAI_BASE_URL",
        "http://127.0.0.1:1/v1"), null, null, new RetryPolicy(2, Duration.ofMillis(1), Duration.ofMillis(2),
        Duration.ofSeconds(1)), sleeper, new Random(1), null);
    assertThatThrownBy(() -> ModelClients.create("openai/m", settings).send(REQUEST))
        .isInstanceOfSatisfying(ModelException.class, e -> assertThat(e.kind()).isEqualTo(ModelException.Kind.NETWORK));
    assertThat(sleeper.waits).hasSize(2);
  }

  @Test
  void aReplyThatIsNotJsonIsABadResponse() {
    try (ScriptedModelServer server = ScriptedModelServer.start("{\"steps\":[{\"status\":200,\"body\":\"<html>\"}]}")) {
      assertThatThrownBy(() -> client(server, "openai").send(REQUEST)).isInstanceOfSatisfying(ModelException.class,
          e -> assertThat(e.kind()).isEqualTo(ModelException.Kind.BAD_RESPONSE));
    }
  }

  @Test
  void aTimedOutCallIsRetried() {
    String script = "{\"steps\":[{\"text\":\"slow\",\"delayMillis\":1500},{\"text\":\"fast\"}]}";
    try (ScriptedModelServer server = ScriptedModelServer.start(script)) {
      okhttp3.OkHttpClient http = new okhttp3.OkHttpClient.Builder().readTimeout(Duration.ofMillis(300)).build();
      ModelSettings settings = new ModelSettings(Map.of("OPENAI_API_KEY", KEY, "OPENAI_BASE_URL",
          server.openAiBaseUrl()), null, http, new RetryPolicy(2, Duration.ofMillis(10), Duration.ofMillis(20),
          Duration.ofSeconds(1)), sleeper, new Random(3), null);
      assertThat(ModelClients.create("openai/m", settings).send(REQUEST).text()).isEqualTo("fast");
      assertThat(sleeper.waits).hasSize(1);
    }
  }
}
