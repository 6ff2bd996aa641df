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
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executors;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * A webhook receiver as the README tells people to write one: it verifies {@code X-Aegis-Signature-256}
 * (HMAC-SHA256 of the raw body, compared in constant time) before reading anything, refuses a body whose
 * delivery id or event disagrees with the headers, and keeps each delivery id once. It can be told to fail
 * (an HTTP status) or hang (no answer) on the next deliveries, to exercise the sender's retries.
 */
public final class WebhookReceiver implements AutoCloseable {
  private static final ObjectMapper MAPPER = new ObjectMapper();

  /** A delivery that passed the checks: its id, event name and parsed body. */
  public record Accepted(String deliveryId, String event, JsonNode body) {}

  private final HttpServer server;
  private final byte[] secret;
  private final Map<String, Accepted> accepted = new LinkedHashMap<>();
  private final List<String> rejected = new ArrayList<>();
  private final List<Integer> failures = new ArrayList<>();
  private int attempts;
  private int hangs;
  private int repeats;

  private WebhookReceiver(String secret) throws IOException {
    this.secret = secret.getBytes(StandardCharsets.UTF_8);
    server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    server.setExecutor(Executors.newCachedThreadPool(r -> {
      Thread t = new Thread(r, "webhook-receiver");
      t.setDaemon(true);
      return t;
    }));
    server.createContext("/", this::handle);
    server.start();
  }

  /** Starts a receiver on a free loopback port that verifies with {@code secret}. */
  public static WebhookReceiver start(String secret) {
    try {
      return new WebhookReceiver(secret);
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }

  /** The address to configure, {@code http://127.0.0.1:PORT/hooks/aegis}. */
  public String url() {
    return "http://127.0.0.1:" + server.getAddress().getPort() + "/hooks/aegis";
  }

  /** The next deliveries are answered with these statuses, one each, before any is accepted. */
  public synchronized WebhookReceiver failNext(Integer... statuses) {
    failures.addAll(List.of(statuses));
    return this;
  }

  /** The next {@code n} deliveries get no answer at all (the connection stays open until the sender gives up). */
  public synchronized WebhookReceiver hangNext(int n) {
    hangs += n;
    return this;
  }

  public synchronized List<Accepted> accepted() {
    return List.copyOf(accepted.values());
  }

  /** Why deliveries were refused (bad signature, headers that disagree with the body). */
  public synchronized List<String> rejected() {
    return List.copyOf(rejected);
  }

  /** Every request that arrived, failed and hung ones included. */
  public synchronized int attempts() {
    return attempts;
  }

  /** Verified deliveries whose id was accepted before (dropped, answered 200). */
  public synchronized int repeats() {
    return repeats;
  }

  private void handle(HttpExchange ex) throws IOException {
    try (ex; InputStream in = ex.getRequestBody()) {
      byte[] body = in.readAllBytes();
      boolean hang;
      Integer fail = null;
      synchronized (this) {
        attempts++;
        hang = hangs > 0;
        if (hang) {
          hangs--;
        } else if (!failures.isEmpty()) {
          fail = failures.remove(0);
        }
      }
      if (hang) {
        sleepQuietly(30_000);
        return;
      }
      if (fail != null) {
        answer(ex, fail, "failing on purpose");
        return;
      }
      if (!"POST".equals(ex.getRequestMethod())) {
        answer(ex, 405, "POST only");
        return;
      }
      String problem = problem(ex, body);
      synchronized (this) {
        if (problem != null) {
          rejected.add(problem);
        }
      }
      if (problem != null) {
        answer(ex, 401, problem);
        return;
      }
      JsonNode json = MAPPER.readTree(body);
      String id = ex.getRequestHeaders().getFirst("X-Aegis-Delivery");
      synchronized (this) {
        if (accepted.containsKey(id)) {
          repeats++;
        } else {
          accepted.put(id, new Accepted(id, json.path("event").asText(), json));
        }
      }
      answer(ex, 200, "ok");
    }
  }

  private String problem(HttpExchange ex, byte[] body) {
    String signature = ex.getRequestHeaders().getFirst("X-Aegis-Signature-256");
    if (signature == null || !signature.startsWith("sha256=")) {
      return "no X-Aegis-Signature-256: sha256=... header";
    }
    byte[] expected = ("sha256=" + hmac(body)).getBytes(StandardCharsets.US_ASCII);
    if (!MessageDigest.isEqual(expected, signature.getBytes(StandardCharsets.US_ASCII))) {
      return "signature does not match the body";
    }
    String contentType = ex.getRequestHeaders().getFirst("Content-Type");
    if (contentType == null || !contentType.startsWith("application/json")) {
      return "Content-Type is " + contentType + ", not application/json";
    }
    try {
      JsonNode json = MAPPER.readTree(body);
      if (!json.path("delivery_id").asText().equals(ex.getRequestHeaders().getFirst("X-Aegis-Delivery"))) {
        return "X-Aegis-Delivery disagrees with the body's delivery_id";
      }
      if (!json.path("event").asText().equals(ex.getRequestHeaders().getFirst("X-Aegis-Event"))) {
        return "X-Aegis-Event disagrees with the body's event";
      }
      for (String field : List.of("timestamp", "run_id")) {
        if (json.path(field).asText().isEmpty()) {
          return "the body has no " + field;
        }
      }
      return null;
    } catch (IOException e) {
      return "the body is not JSON: " + e.getMessage();
    }
  }

  private String hmac(byte[] body) {
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(new SecretKeySpec(secret, "HmacSHA256"));
      return HexFormat.of().formatHex(mac.doFinal(body));
    } catch (java.security.GeneralSecurityException e) {
      throw new IllegalStateException(e);
    }
  }

  private static void answer(HttpExchange ex, int status, String text) throws IOException {
    byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
    ex.getResponseHeaders().set("Content-Type", "text/plain");
    ex.sendResponseHeaders(status, bytes.length);
    ex.getResponseBody().write(bytes);
  }

  private static void sleepQuietly(long millis) {
    try {
      Thread.sleep(millis);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  @Override
  public void close() {
    server.stop(0);
  }
}
