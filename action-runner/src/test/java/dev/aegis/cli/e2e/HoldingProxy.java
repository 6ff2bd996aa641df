package dev.aegis.cli.e2e;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

/**
 * A pass-through HTTP proxy in front of the fake GitHub that holds every request of one method and path until
 * the test releases them. Tests use it to put processes at a chosen step: two jobs both about to claim (then
 * released together), or a job stopped just before its status comment (then killed). Closing it answers held
 * requests with 502 without forwarding them, so nothing held reaches the fake after the test let go.
 */
final class HoldingProxy implements AutoCloseable {
  /** How long a held request waits for a release that never comes. */
  static final Duration LIMIT = Duration.ofSeconds(60);
  private static final Set<String> HOP_BY_HOP = Set.of("connection", "content-length", "date", "expect", "host",
      "upgrade", "transfer-encoding", "keep-alive");

  private final String target;
  private final String method;
  private final String path;
  private final CountDownLatch released = new CountDownLatch(1);
  private final Object lock = new Object();
  private final HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
  private final ExecutorService threads = Executors.newCachedThreadPool(r -> {
    Thread t = new Thread(r, "holding-proxy");
    t.setDaemon(true);
    return t;
  });
  private final HttpServer server;
  private int held;
  private volatile boolean closed;

  private HoldingProxy(String target, String method, String path) {
    this.target = target;
    this.method = method;
    this.path = path;
    try {
      server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 64);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    server.setExecutor(threads);
    server.createContext("/", this::handle);
    server.start();
  }

  /** Proxies {@code target}, holding {@code method path} requests (path without query). */
  static HoldingProxy holding(String target, String method, String path) {
    return new HoldingProxy(target, method, path);
  }

  /** The proxy's URL, to use instead of the target's. */
  String url() {
    return "http://127.0.0.1:" + server.getAddress().getPort();
  }

  /** Waits until {@code count} requests are held; false when they did not come within {@code timeout}. */
  boolean awaitHeld(int count, Duration timeout) throws InterruptedException {
    long deadline = System.nanoTime() + timeout.toNanos();
    synchronized (lock) {
      while (held < count) {
        long left = deadline - System.nanoTime();
        if (left <= 0) {
          return false;
        }
        TimeUnit.NANOSECONDS.timedWait(lock, left);
      }
      return true;
    }
  }

  /** Lets every held request (and every later one) through. */
  void release() {
    released.countDown();
  }

  private void handle(HttpExchange exchange) throws IOException {
    try (exchange) {
      byte[] body = exchange.getRequestBody().readAllBytes();
      if (exchange.getRequestMethod().equalsIgnoreCase(method) && exchange.getRequestURI().getPath().equals(path)) {
        synchronized (lock) {
          held++;
          lock.notifyAll();
        }
        if (!released.await(LIMIT.toMillis(), TimeUnit.MILLISECONDS) || closed) {
          exchange.sendResponseHeaders(502, -1);
          return;
        }
      }
      forward(exchange, body);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  private void forward(HttpExchange exchange, byte[] body) throws IOException, InterruptedException {
    HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(target + exchange.getRequestURI()))
        .method(exchange.getRequestMethod(), body.length == 0
            ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofByteArray(body));
    exchange.getRequestHeaders().forEach((name, values) -> {
      if (!HOP_BY_HOP.contains(name.toLowerCase(Locale.ROOT))) {
        values.forEach(v -> request.header(name, v));
      }
    });
    HttpResponse<InputStream> response = client.send(request.build(), HttpResponse.BodyHandlers.ofInputStream());
    for (Map.Entry<String, List<String>> header : response.headers().map().entrySet()) {
      if (!HOP_BY_HOP.contains(header.getKey().toLowerCase(Locale.ROOT)) && !header.getKey().startsWith(":")) {
        exchange.getResponseHeaders().put(header.getKey(), header.getValue());
      }
    }
    byte[] reply;
    try (InputStream in = response.body()) {
      reply = in.readAllBytes();
    }
    boolean empty = reply.length == 0 || response.statusCode() == 304 || response.statusCode() == 204;
    exchange.sendResponseHeaders(response.statusCode(), empty ? -1 : reply.length);
    if (!empty) {
      try (OutputStream out = exchange.getResponseBody()) {
        out.write(reply);
      }
    }
  }

  @Override
  public void close() {
    closed = true;
    released.countDown();
    server.stop(0);
    threads.shutdownNow();
  }
}
