package dev.aegis.testkit.model;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.MissingNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import dev.aegis.testkit.hold.HeldRequest;
import dev.aegis.testkit.hold.Holds;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * A model provider on 127.0.0.1 (random port) that answers from a script, in whichever wire format the
 * request path asks for: OpenAI Chat Completions ({@code .../chat/completions}), OpenAI Responses
 * ({@code .../responses}) and Anthropic Messages ({@code .../messages}). A request with {@code "stream": true}
 * is answered with the server-sent events that API streams ({@link WireStreams}); a step can slow them
 * ({@code eventDelayMillis}) or break the stream after some events ({@code streamFault}: {@code {"after": N,
 * "kind": "stall" | "cut" | "error", "millis": M, "type": "overloaded_error"}}), or answer plain JSON as a
 * server that does not stream would ({@code "ignoreStream": true}).
 *
 * <p>The script format is the one of Aegis's in-process {@code scripted/} provider (see
 * {@code docs/model-scripts.md}): {@code {"steps": [...]}}, each step a reply ({@code text},
 * {@code toolCalls} with {@code arguments} or {@code argumentsRaw}, {@code usage}, {@code stop}), optional
 * checks on the request ({@code expectToolResultContains}, {@code expectRequestContains}), a repeat count
 * ({@code times}, 0 = forever), a delay before answering ({@code delayMillis}, for timeouts) or a transport
 * fault ({@code status}, {@code retryAfter}, {@code body}).
 *
 * <p>{@link #holdNext()} parks a request before it is answered (to kill a client mid-run at a precise step).
 * Requests are checked against the wire format's shape; a request that breaks it, or a failed check,
 * is answered 400 with the reason and listed in {@link #failures()}. Every request is recorded.
 */
public final class ScriptedModelServer implements AutoCloseable {
  private final ObjectMapper json = new ObjectMapper();
  private final WireReplies replies = new WireReplies(json);
  private final WireStreams streams = new WireStreams(json);
  private final HttpServer server;
  private final ExecutorService executor = Executors.newFixedThreadPool(4, r -> {
    Thread thread = new Thread(r, "scripted-model-server");
    thread.setDaemon(true);
    return thread;
  });
  private final List<JsonNode> steps;
  private final List<RecordedRequest> requests = new ArrayList<>();
  private final List<String> failures = new ArrayList<>();
  private final Holds<String> holds = new Holds<>();
  private int next;
  private int repeats;

  private ScriptedModelServer(JsonNode script) throws IOException {
    List<JsonNode> all = new ArrayList<>();
    script.path("steps").forEach(all::add);
    this.steps = List.copyOf(all);
    this.server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    server.createContext("/", this::handle);
    server.setExecutor(executor);
    server.start();
  }

  /** Starts a server replaying {@code scriptJson}. */
  public static ScriptedModelServer start(String scriptJson) {
    try {
      return new ScriptedModelServer(new ObjectMapper().readTree(scriptJson));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Starts a server replaying the script in {@code file}. */
  public static ScriptedModelServer start(Path file) {
    try {
      return start(Files.readString(file));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** {@code http://127.0.0.1:PORT}: the Anthropic base URL. */
  public String baseUrl() {
    return "http://127.0.0.1:" + server.getAddress().getPort();
  }

  /** {@code http://127.0.0.1:PORT/v1}: the OpenAI base URL. */
  public String openAiBaseUrl() {
    return baseUrl() + "/v1";
  }

  /**
   * Parks the next request before it is answered or recorded, so a test can act at that moment (for example
   * kill the client process). {@link HeldRequest#release()} answers it from the script as usual;
   * {@link HeldRequest#drop()} discards it without using a script step. Undecided holds are dropped on
   * {@link #close()}.
   */
  public HeldRequest holdNext() {
    return holdNext("");
  }

  /** As {@link #holdNext()}, for the next request whose raw body contains {@code bodyContains}. */
  public HeldRequest holdNext(String bodyContains) {
    return holds.arm("a model request" + (bodyContains.isEmpty() ? "" : " containing '" + bodyContains + "'"),
        body -> body.contains(bodyContains));
  }

  public synchronized List<RecordedRequest> requests() {
    return List.copyOf(requests);
  }

  /** Shape violations and failed step checks, in order; empty when every request was good. */
  public synchronized List<String> failures() {
    return List.copyOf(failures);
  }

  /** Steps not yet replayed (a step repeating forever counts as none). */
  public synchronized int remainingSteps() {
    int left = steps.size() - next;
    return left > 0 && steps.get(steps.size() - 1).path("times").asInt(1) == 0 ? left - 1 : left;
  }

  @Override
  public void close() {
    holds.dropAll();
    server.stop(0);
    executor.shutdownNow();
  }

  private void handle(HttpExchange exchange) throws IOException {
    try (exchange) {
      String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
      if (!holds.pass(body, body)) {
        dropped(exchange);
        return;
      }
      Map<String, List<String>> headers = new LinkedHashMap<>();
      exchange.getRequestHeaders().forEach((k, v) -> headers.put(k.toLowerCase(Locale.ROOT), List.copyOf(v)));
      Wire wire = Wire.of(exchange.getRequestURI().getPath());
      JsonNode parsed = parse(body);
      Answer answer = answer(wire, parsed, headers, body);
      synchronized (this) {
        requests.add(new RecordedRequest(wire, exchange.getRequestURI().getPath(), headers, body, parsed,
            answer.status));
      }
      pause(answer.delayMillis);
      if (answer.status == 200 && !answer.step.has("status") && !answer.step.path("ignoreStream").asBoolean(false)
          && parsed.path("stream").asBoolean(false)) {
        stream(exchange, wire, parsed, answer);
        return;
      }
      byte[] bytes = answer.body.getBytes(StandardCharsets.UTF_8);
      exchange.getResponseHeaders().set("Content-Type", "application/json");
      answer.headers.forEach((k, v) -> exchange.getResponseHeaders().set(k, v));
      try {
        exchange.sendResponseHeaders(answer.status, bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
          out.write(bytes);
        }
      } catch (IOException e) {
        // the client gave up (a timeout test): nothing to answer
      }
    }
  }

  /** Writes the answer as the API's event stream, one flushed event at a time, breaking it if the step says so. */
  private void stream(HttpExchange exchange, Wire wire, JsonNode request, Answer answer) {
    JsonNode reply = parse(answer.body);
    boolean usage = request.path("stream_options").path("include_usage").asBoolean(false);
    List<WireStreams.Event> events = streams.events(wire, reply, usage);
    JsonNode fault = answer.step.path("streamFault");
    int breakAfter = fault.isObject() ? fault.path("after").asInt(1) : Integer.MAX_VALUE;
    long eventDelay = answer.step.path("eventDelayMillis").asLong(0);
    exchange.getResponseHeaders().set("Content-Type", "text/event-stream; charset=utf-8");
    exchange.getResponseHeaders().set("Cache-Control", "no-cache");
    try {
      exchange.sendResponseHeaders(200, 0);
      OutputStream out = exchange.getResponseBody();
      for (int i = 0; i < events.size(); i++) {
        if (i == breakAfter) {
          switch (fault.path("kind").asText("cut")) {
            case "stall" -> {
              pause(fault.path("millis").asLong(60_000));
              out.close();
              return;
            }
            case "error" -> {
              out.write(streams.error(wire, reply, fault.path("type").asText(
                  wire == Wire.ANTHROPIC_MESSAGES ? "overloaded_error" : "server_error"), "scripted stream error")
                  .encoded().getBytes(StandardCharsets.UTF_8));
              out.close();
              return;
            }
            default -> {
              out.close();
              return;
            }
          }
        }
        if (i > 0) {
          pause(eventDelay);
        }
        out.write(events.get(i).encoded().getBytes(StandardCharsets.UTF_8));
        out.flush();
      }
      out.close();
    } catch (IOException e) {
      // the client gave up (a timeout test): nothing more to send
    }
  }

  /** A held request that was dropped: no step used, not recorded; 502 to a client that may be gone. */
  private static void dropped(HttpExchange exchange) {
    try {
      exchange.sendResponseHeaders(502, -1);
    } catch (IOException e) {
      // the client is gone (a test killed it)
    }
  }

  private static void pause(long millis) {
    if (millis > 0) {
      try {
        Thread.sleep(millis);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
  }

  private synchronized Answer answer(Wire wire, JsonNode body, Map<String, List<String>> headers, String raw) {
    if (wire == null) {
      return fail(Wire.CHAT_COMPLETIONS, 404, "no such endpoint");
    }
    if (body.isMissingNode()) {
      return fail(wire, 400, "request body is not JSON");
    }
    List<String> shape = WireShapes.problems(wire, body, name -> first(headers, name));
    // The providers answer a request without a key with 401 (OpenAI: "You didn't provide an API key";
    // Anthropic: authentication_error "x-api-key header is required"), before looking at the body.
    List<String> keyless = shape.stream().filter(p -> p.endsWith("header is required")).toList();
    if (!keyless.isEmpty()) {
      return fail(wire, 401, wire == Wire.ANTHROPIC_MESSAGES ? keyless.get(0)
          : "You didn't provide an API key. You need to provide your API key in an Authorization header using "
              + "Bearer auth (i.e. Authorization: Bearer YOUR_KEY).");
    }
    if (!shape.isEmpty()) {
      return fail(wire, 400, "request breaks the " + wire + " shape: " + String.join("; ", shape));
    }
    if (next >= steps.size()) {
      return fail(wire, 500, "script exhausted after " + steps.size() + " steps");
    }
    JsonNode step = steps.get(next);
    int number = next + 1;
    advance(step);
    if (step.has("status")) {
      return fault(wire, step);
    }
    String problem = ScriptChecks.check(wire, step, body, raw);
    if (problem != null) {
      return fail(wire, 400, "script step " + number + ": " + problem);
    }
    long estimate = raw.length() / 4;
    ObjectNode reply = replies.reply(wire, step, body.path("model").asText(), number, estimate,
        step.toString().length() / 4);
    return new Answer(200, reply.toString(), Map.of(), step.path("delayMillis").asLong(0), step);
  }

  private void advance(JsonNode step) {
    int times = step.path("times").asInt(1);
    repeats++;
    if (times > 0 && repeats >= times) {
      next++;
      repeats = 0;
    }
  }

  private Answer fault(Wire wire, JsonNode step) {
    int status = step.path("status").asInt();
    Map<String, String> headers = new LinkedHashMap<>();
    if (step.has("retryAfter")) {
      headers.put("Retry-After", step.path("retryAfter").asText());
    }
    String body = step.has("body") ? step.path("body").asText()
        : replies.error(wire, status, "scripted fault " + status).toString();
    return new Answer(status, body, headers, step.path("delayMillis").asLong(0), step);
  }

  private Answer fail(Wire wire, int status, String message) {
    failures.add(message);
    return new Answer(status, replies.error(wire, status, message).toString(), Map.of(), 0,
        MissingNode.getInstance());
  }

  private JsonNode parse(String body) {
    try {
      JsonNode node = json.readTree(body);
      return node == null ? MissingNode.getInstance() : node;
    } catch (IOException e) {
      return MissingNode.getInstance();
    }
  }

  private static String first(Map<String, List<String>> headers, String name) {
    List<String> values = headers.get(name.toLowerCase(Locale.ROOT));
    return values == null || values.isEmpty() ? null : values.get(0);
  }

  private record Answer(int status, String body, Map<String, String> headers, long delayMillis, JsonNode step) {}
}
