package dev.aegis.testkit.channels;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Executors;

/**
 * A Slack incoming webhook that answers as Slack does: {@code 200 ok} for a valid message posted to the
 * webhook's path; {@code 404 no_service} for any other path (a removed or mistyped webhook);
 * {@code 400 invalid_payload} for a body that is not a message ({@code text} or {@code blocks} required; blocks
 * need a known {@code type}; a section's text is a {@code mrkdwn} or {@code plain_text} object of at most 3000
 * characters); and, when armed, {@code 410 channel_is_archived} or {@code 429} with {@code Retry-After}.
 * Payload shape as {@code @slack/webhook}'s {@code IncomingWebhookSendArguments} declares it.
 */
public final class FakeSlackWebhook implements AutoCloseable {
  private static final ObjectMapper MAPPER = new ObjectMapper();
  private static final Set<String> BLOCK_TYPES = Set.of("section", "divider", "context", "header", "actions",
      "image", "rich_text", "input", "file", "video", "markdown");
  private static final String PATH = "/services/T0AEGIS00/B0AEGIS00/s3cr3tWebhookPathPart";

  private final HttpServer server;
  private final List<JsonNode> messages = new ArrayList<>();
  private final List<String> refused = new ArrayList<>();
  private final List<Integer> armed = new ArrayList<>();
  private int requests;

  private FakeSlackWebhook() throws IOException {
    server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    server.setExecutor(Executors.newCachedThreadPool(r -> {
      Thread t = new Thread(r, "fake-slack");
      t.setDaemon(true);
      return t;
    }));
    server.createContext("/", this::handle);
    server.start();
  }

  public static FakeSlackWebhook start() {
    try {
      return new FakeSlackWebhook();
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }

  /** The webhook's address, a secret like the real one. */
  public String url() {
    return base() + PATH;
  }

  /** An address on this server that is no webhook (as a deleted one): answered {@code 404 no_service}. */
  public String removedUrl() {
    return base() + "/services/T0AEGIS00/B0GONE000/removed";
  }

  private String base() {
    return "http://127.0.0.1:" + server.getAddress().getPort();
  }

  /** The next requests get these statuses (410: channel_is_archived, 429: rate limited, 5xx: server error). */
  public synchronized FakeSlackWebhook failNext(Integer... statuses) {
    armed.addAll(List.of(statuses));
    return this;
  }

  /** Messages Slack would have posted. */
  public synchronized List<JsonNode> messages() {
    return List.copyOf(messages);
  }

  /** Why requests were refused as invalid_payload. */
  public synchronized List<String> refused() {
    return List.copyOf(refused);
  }

  public synchronized int requests() {
    return requests;
  }

  private void handle(HttpExchange ex) throws IOException {
    try (ex; InputStream in = ex.getRequestBody()) {
      byte[] body = in.readAllBytes();
      Integer fault;
      synchronized (this) {
        requests++;
        fault = armed.isEmpty() ? null : armed.remove(0);
      }
      if (!ex.getRequestURI().getPath().equals(PATH)) {
        answer(ex, 404, "no_service");
        return;
      }
      if (fault != null) {
        if (fault == 429) {
          ex.getResponseHeaders().set("Retry-After", "1");
        }
        answer(ex, fault, fault == 410 ? "channel_is_archived" : fault == 429 ? "rate_limited" : "internal_error");
        return;
      }
      if (!"POST".equals(ex.getRequestMethod())) {
        answer(ex, 405, "invalid_method");
        return;
      }
      String problem = problem(ex, body);
      synchronized (this) {
        if (problem != null) {
          refused.add(problem);
        }
      }
      if (problem != null) {
        answer(ex, 400, "invalid_payload");
        return;
      }
      synchronized (this) {
        messages.add(MAPPER.readTree(body));
      }
      answer(ex, 200, "ok");
    }
  }

  private static String problem(HttpExchange ex, byte[] body) {
    String type = ex.getRequestHeaders().getFirst("Content-Type");
    if (type == null || !type.startsWith("application/json")) {
      return "Content-Type " + type;
    }
    JsonNode m;
    try {
      m = MAPPER.readTree(body);
    } catch (IOException e) {
      return "not JSON";
    }
    if (m == null || !m.isObject()) {
      return "not a JSON object";
    }
    boolean text = m.path("text").isTextual() && !m.path("text").asText().isBlank();
    if (!text && !m.has("blocks")) {
      return "neither text nor blocks";
    }
    if (m.has("blocks")) {
      if (!m.get("blocks").isArray() || m.get("blocks").size() > 50) {
        return "blocks is not an array of at most 50";
      }
      for (JsonNode b : m.get("blocks")) {
        if (!BLOCK_TYPES.contains(b.path("type").asText())) {
          return "unknown block type " + b.path("type");
        }
        if ("section".equals(b.path("type").asText())) {
          JsonNode t = b.path("text");
          if (!Set.of("mrkdwn", "plain_text").contains(t.path("type").asText()) || !t.path("text").isTextual()
              || t.path("text").asText().isEmpty() || t.path("text").asText().length() > 3000) {
            return "a section's text must be a mrkdwn or plain_text object of 1-3000 characters";
          }
        }
      }
    }
    return null;
  }

  private static void answer(HttpExchange ex, int status, String text) throws IOException {
    byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
    ex.getResponseHeaders().set("Content-Type", "text/html");
    ex.sendResponseHeaders(status, bytes.length);
    ex.getResponseBody().write(bytes);
  }

  @Override
  public void close() {
    server.stop(0);
  }
}
