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
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A pass-through HTTP proxy in front of the fake GitHub that holds the first {@code parties} requests of one
 * method and path until all of them have arrived, then lets them go together. It makes racing processes
 * reach the same step before either takes the next one, so a race is exercised every time rather than by
 * luck. A party that never comes releases the others after {@link #WAIT}; {@link #met()} tells.
 */
final class Rendezvous implements AutoCloseable {
  static final Duration WAIT = Duration.ofSeconds(20);
  private static final Set<String> HOP_BY_HOP = Set.of("connection", "content-length", "date", "expect", "host",
      "upgrade", "transfer-encoding", "keep-alive");

  private final String target;
  private final String method;
  private final String path;
  private final int parties;
  private final CountDownLatch latch;
  private final AtomicInteger arrived = new AtomicInteger();
  private final AtomicBoolean late = new AtomicBoolean();
  private final HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
  private final ExecutorService threads = Executors.newCachedThreadPool(r -> {
    Thread t = new Thread(r, "rendezvous");
    t.setDaemon(true);
    return t;
  });
  private final HttpServer server;

  private Rendezvous(String target, String method, String path, int parties) {
    this.target = target;
    this.method = method;
    this.path = path;
    this.parties = parties;
    this.latch = new CountDownLatch(parties);
    try {
      server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 64);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    server.setExecutor(threads);
    server.createContext("/", this::forward);
    server.start();
  }

  /** Proxies {@code target}; the first {@code parties} {@code method path} requests wait for one another. */
  static Rendezvous at(String target, String method, String path, int parties) {
    return new Rendezvous(target, method, path, parties);
  }

  /** The proxy's URL, to use instead of the target's. */
  String url() {
    return "http://127.0.0.1:" + server.getAddress().getPort();
  }

  /** True once every party arrived within {@link #WAIT} of the others. */
  boolean met() {
    return latch.getCount() == 0 && !late.get();
  }

  private void forward(HttpExchange exchange) throws IOException {
    try (exchange) {
      byte[] body = exchange.getRequestBody().readAllBytes();
      if (exchange.getRequestMethod().equalsIgnoreCase(method) && exchange.getRequestURI().getPath().equals(path)
          && arrived.incrementAndGet() <= parties) {
        latch.countDown();
        if (!latch.await(WAIT.toMillis(), TimeUnit.MILLISECONDS)) {
          late.set(true);
        }
      }
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
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      exchange.sendResponseHeaders(502, -1);
    }
  }

  @Override
  public void close() {
    server.stop(0);
    threads.shutdownNow();
  }
}
