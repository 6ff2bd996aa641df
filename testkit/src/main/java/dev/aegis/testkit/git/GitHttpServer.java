package dev.aegis.testkit.git;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

/**
 * Git's smart HTTP protocol over a real socket, served by git's own {@code git http-backend} (as a CGI, the
 * way Apache or nginx serve it) for the bare repositories under a root, behind HTTP Basic authentication as
 * GitHub asks for it: {@code 401} with {@code WWW-Authenticate} until the client sends the expected token as
 * the password. While each authenticated request is served it also looks at every process this JVM started
 * (the git client among them) and records whether the token shows in one's environment or command line: a
 * credential that travels that way is readable by anything the same user runs.
 */
public final class GitHttpServer implements AutoCloseable {
  private final HttpServer server;
  private final Path root;
  private final String token;
  private final List<String> requests = new CopyOnWriteArrayList<>();
  private final List<String> exposures = new CopyOnWriteArrayList<>();

  private GitHttpServer(Path root, String token) throws IOException {
    this.root = root;
    this.token = token;
    this.server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    server.createContext("/", this::handle);
    server.setExecutor(Executors.newCachedThreadPool());
    server.start();
  }

  /** Serves the bare repositories under {@code root}, accepting {@code token} as the password. */
  public static GitHttpServer start(Path root, String token) {
    try {
      return new GitHttpServer(root, token);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The URL of the repository {@code name} (a directory under the root, such as {@code o/r.git}). */
  public String url(String name) {
    return "http://127.0.0.1:" + server.getAddress().getPort() + "/" + name;
  }

  /** {@code METHOD path -> status} for every request, in order. */
  public List<String> requests() {
    return List.copyOf(requests);
  }

  /** Where the token was seen outside the request ({@code environ of pid N: cmd}); empty is good. */
  public List<String> exposures() {
    return List.copyOf(exposures);
  }

  private void handle(HttpExchange exchange) throws IOException {
    String path = exchange.getRequestURI().getRawPath();
    try (exchange) {
      if (!authorized(exchange.getRequestHeaders().getFirst("Authorization"))) {
        exchange.getResponseHeaders().add("WWW-Authenticate", "Basic realm=\"GitHub\"");
        exchange.sendResponseHeaders(401, -1);
        requests.add(exchange.getRequestMethod() + " " + path + " -> 401");
        return;
      }
      lookForTheTokenInOtherProcesses();
      int status = cgi(exchange, path);
      requests.add(exchange.getRequestMethod() + " " + path + " -> " + status);
    }
  }

  private boolean authorized(String header) {
    if (header == null || !header.regionMatches(true, 0, "Basic ", 0, 6)) {
      return false;
    }
    String decoded = new String(Base64.getDecoder().decode(header.substring(6).trim()), StandardCharsets.UTF_8);
    return decoded.endsWith(":" + token);
  }

  private int cgi(HttpExchange exchange, String path) throws IOException {
    ProcessBuilder builder = new ProcessBuilder("git", "http-backend");
    Map<String, String> env = builder.environment();
    env.clear();
    env.put("PATH", "/usr/local/bin:/usr/bin:/bin");
    env.put("GIT_PROJECT_ROOT", root.toString());
    env.put("GIT_HTTP_EXPORT_ALL", "1");
    env.put("GIT_CONFIG_NOSYSTEM", "1");
    env.put("HOME", root.toString());
    env.put("PATH_INFO", path);
    env.put("QUERY_STRING", String.valueOf(exchange.getRequestURI().getRawQuery() == null ? ""
        : exchange.getRequestURI().getRawQuery()));
    env.put("REQUEST_METHOD", exchange.getRequestMethod());
    env.put("REMOTE_USER", "x-access-token");
    env.put("REMOTE_ADDR", "127.0.0.1");
    putHeader(env, "CONTENT_TYPE", exchange.getRequestHeaders().getFirst("Content-Type"));
    putHeader(env, "HTTP_CONTENT_ENCODING", exchange.getRequestHeaders().getFirst("Content-Encoding"));
    putHeader(env, "GIT_PROTOCOL", exchange.getRequestHeaders().getFirst("Git-Protocol"));
    byte[] body = exchange.getRequestBody().readAllBytes();
    env.put("CONTENT_LENGTH", String.valueOf(body.length));
    Process process = builder.start();
    CompletableFuture<byte[]> out = CompletableFuture.supplyAsync(() -> readAll(process.getInputStream()));
    CompletableFuture.runAsync(() -> readAll(process.getErrorStream()));
    try (OutputStream in = process.getOutputStream()) {
      in.write(body);
    }
    byte[] response = out.join();
    try {
      process.waitFor(30, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    return respond(exchange, response);
  }

  private static int respond(HttpExchange exchange, byte[] response) throws IOException {
    int split = indexOf(response, "\r\n\r\n".getBytes(StandardCharsets.ISO_8859_1));
    int skip = 4;
    if (split < 0) {
      split = indexOf(response, "\n\n".getBytes(StandardCharsets.ISO_8859_1));
      skip = 2;
    }
    int status = 200;
    if (split >= 0) {
      for (String line : new String(response, 0, split, StandardCharsets.ISO_8859_1).split("\r?\n")) {
        int colon = line.indexOf(':');
        if (colon > 0) {
          String name = line.substring(0, colon).trim();
          String value = line.substring(colon + 1).trim();
          if (name.equalsIgnoreCase("Status")) {
            status = Integer.parseInt(value.split(" ")[0]);
          } else {
            exchange.getResponseHeaders().add(name, value);
          }
        }
      }
    }
    int start = split < 0 ? 0 : split + skip;
    exchange.sendResponseHeaders(status, response.length - start == 0 ? -1 : response.length - start);
    if (response.length > start) {
      exchange.getResponseBody().write(response, start, response.length - start);
    }
    return status;
  }

  /** The token as is, and as the Basic credential a header or a config value would carry it. */
  private List<byte[]> needles() {
    return List.of(token.getBytes(StandardCharsets.UTF_8), Base64.getEncoder()
        .encodeToString(("x-access-token:" + token).getBytes(StandardCharsets.UTF_8)).getBytes(StandardCharsets.UTF_8));
  }

  private void lookForTheTokenInOtherProcesses() {
    List<ProcessHandle> all = new ArrayList<>(ProcessHandle.current().descendants().toList());
    for (ProcessHandle p : all) {
      for (String file : List.of("environ", "cmdline")) {
        try {
          byte[] content = Files.readAllBytes(Path.of("/proc", String.valueOf(p.pid()), file));
          if (needles().stream().anyMatch(n -> indexOf(content, n) >= 0)) {
            exposures.add(file + " of pid " + p.pid() + ": " + p.info().command().orElse("?"));
          }
        } catch (IOException | SecurityException e) {
          // the process ended meanwhile
        }
      }
    }
  }

  private static void putHeader(Map<String, String> env, String name, String value) {
    if (value != null) {
      env.put(name, value);
    }
  }

  private static byte[] readAll(InputStream in) {
    try (in; ByteArrayOutputStream out = new ByteArrayOutputStream()) {
      in.transferTo(out);
      return out.toByteArray();
    } catch (IOException e) {
      return new byte[0];
    }
  }

  private static int indexOf(byte[] haystack, byte[] needle) {
    outer:
    for (int i = 0; i + needle.length <= haystack.length; i++) {
      for (int j = 0; j < needle.length; j++) {
        if (haystack[i + j] != needle[j]) {
          continue outer;
        }
      }
      return i;
    }
    return -1;
  }

  @Override
  public void close() {
    server.stop(0);
  }
}
