package dev.aegis.testkit.model;

import static org.assertj.core.api.Assertions.assertThat;

import dev.aegis.testkit.hold.HeldRequest;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** A held model request uses no script step until it is released; a dropped one never does. */
class ScriptedModelServerHoldTest {
  private static final String SCRIPT = """
      {"steps": [{"text": "one"}, {"text": "two"}]}
      """;
  private static final Duration WAIT = Duration.ofSeconds(10);

  private final HttpClient http = HttpClient.newHttpClient();
  private ScriptedModelServer server;

  @BeforeEach
  void start() {
    server = ScriptedModelServer.start(SCRIPT);
  }

  @AfterEach
  void stop() {
    server.close();
  }

  private CompletableFuture<HttpResponse<String>> chat(String content) {
    String body = "{\"model\": \"m\", \"messages\": [{\"role\": \"user\", \"content\": \"" + content + "\"}]}";
    HttpRequest request = HttpRequest.newBuilder(URI.create(server.openAiBaseUrl() + "/chat/completions"))
        .header("Content-Type", "application/json").header("Authorization", "Bearer k")
        .POST(HttpRequest.BodyPublishers.ofString(body)).build();
    return http.sendAsync(request, HttpResponse.BodyHandlers.ofString());
  }

  @Test
  void aReleasedRequestIsAnsweredFromTheScriptAfterTheRelease() throws Exception {
    HeldRequest held = server.holdNext();

    CompletableFuture<HttpResponse<String>> call = chat("hello");
    held.awaitArrival(WAIT);

    assertThat(held.body()).contains("hello");
    assertThat(call).isNotDone();
    assertThat(server.requests()).isEmpty();
    held.release();
    assertThat(call.get(10, TimeUnit.SECONDS).body()).contains("one");
    assertThat(server.remainingSteps()).isEqualTo(1);
  }

  @Test
  void aDroppedRequestUsesNoStep() throws Exception {
    HeldRequest held = server.holdNext("second try");

    assertThat(chat("first try").get(10, TimeUnit.SECONDS).body()).contains("one");
    CompletableFuture<HttpResponse<String>> call = chat("second try");
    held.awaitArrival(WAIT).drop();

    assertThat(call.get(10, TimeUnit.SECONDS).statusCode()).isEqualTo(502);
    assertThat(server.requests()).hasSize(1);
    assertThat(chat("third try").get(10, TimeUnit.SECONDS).body()).contains("two");
  }
}
