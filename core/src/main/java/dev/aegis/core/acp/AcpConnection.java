package dev.aegis.core.acp;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The client end of an ACP connection: newline-delimited JSON-RPC 2.0 over an agent's standard input and
 * output. Requests from the agent go to an {@link AcpHandler} on worker threads; a line that is not a JSON-RPC
 * message, or the agent closing its output, fails every request in flight and every later one, at once (a
 * broken agent never leaves the run waiting).
 */
public final class AcpConnection implements AutoCloseable {
  /** Every line in and out, for the transcript; must not throw. */
  @FunctionalInterface
  public interface Wire {
    Wire NONE = (incoming, line) -> { };

    void line(boolean incoming, String json);
  }

  private static final int MAX_QUOTE = 200;

  private final ObjectMapper json = dev.aegis.core.json.Mappers.JSON;
  private final BufferedReader in;
  private final OutputStream out;
  private final AcpHandler handler;
  private final Wire wire;
  private final Map<Long, CompletableFuture<JsonNode>> pending = new ConcurrentHashMap<>();
  private final AtomicLong ids = new AtomicLong();
  private final ExecutorService workers = Executors.newCachedThreadPool(r -> {
    Thread t = new Thread(r, "acp-client-request");
    t.setDaemon(true);
    return t;
  });
  private final Thread reader;
  private volatile AcpException broken;

  /**
   * Starts reading {@code fromAgent} at once.
   *
   * @param fromAgent the agent's standard output
   * @param toAgent the agent's standard input
   */
  public AcpConnection(InputStream fromAgent, OutputStream toAgent, AcpHandler handler, Wire wire) {
    this.in = new BufferedReader(new InputStreamReader(fromAgent, StandardCharsets.UTF_8));
    this.out = Objects.requireNonNull(toAgent, "toAgent");
    this.handler = Objects.requireNonNull(handler, "handler");
    this.wire = Objects.requireNonNull(wire, "wire");
    this.reader = new Thread(this::read, "acp-client-reader");
    reader.setDaemon(true);
    reader.start();
  }

  /**
   * Sends a request and waits for its answer.
   *
   * @return the result ({@code null} becomes a JSON null node)
   * @throws AcpException on an error answer, a broken connection, or no answer within {@code timeout}
   */
  public JsonNode request(String method, JsonNode params, Duration timeout) {
    long id = ids.incrementAndGet();
    CompletableFuture<JsonNode> answer = new CompletableFuture<>();
    pending.put(id, answer);
    try {
      failIfBroken();
      ObjectNode message = envelope().put("id", id).put("method", method);
      message.set("params", params);
      send(message);
      return answer.get(Math.max(1, timeout.toMillis()), TimeUnit.MILLISECONDS);
    } catch (TimeoutException e) {
      throw new AcpException(AcpException.Kind.TIMEOUT, "the agent did not answer " + method + " within "
          + timeout.toSeconds() + "s");
    } catch (ExecutionException e) {
      throw e.getCause() instanceof AcpException acp ? acp
          : new AcpException(AcpException.Kind.PROTOCOL, String.valueOf(e.getCause()));
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new AcpException(AcpException.Kind.CLOSED, "interrupted while waiting for " + method);
    } finally {
      pending.remove(id);
    }
  }

  /**
   * Sends a notification ({@code session/cancel}).
   *
   * @throws AcpException when the connection is broken
   */
  public void notify(String method, JsonNode params) {
    failIfBroken();
    ObjectNode message = envelope().put("method", method);
    message.set("params", params);
    send(message);
  }

  /** Why the connection broke, when it did. */
  public java.util.Optional<AcpException> broken() {
    return java.util.Optional.ofNullable(broken);
  }

  private void failIfBroken() {
    if (broken != null) {
      throw broken;
    }
  }

  private ObjectNode envelope() {
    return JsonNodeFactory.instance.objectNode().put("jsonrpc", "2.0");
  }

  private void send(ObjectNode message) {
    String line;
    try {
      line = json.writeValueAsString(message);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("cannot write a JSON-RPC message", e);
    }
    wire.line(false, line);
    try {
      synchronized (out) {
        out.write(line.getBytes(StandardCharsets.UTF_8));
        out.write('\n');
        out.flush();
      }
    } catch (IOException e) {
      AcpException closed = new AcpException(AcpException.Kind.CLOSED, "the agent stopped reading its input ("
          + e.getMessage() + ")");
      fail(closed);
      throw closed;
    }
  }

  private void read() {
    try {
      String line;
      while ((line = in.readLine()) != null) {
        if (line.isBlank()) {
          continue;
        }
        wire.line(true, line);
        JsonNode message = parse(line);
        if (message == null) {
          return;
        }
        dispatch(message);
      }
      fail(new AcpException(AcpException.Kind.CLOSED, "the agent closed its output (it exited or crashed)"));
    } catch (IOException e) {
      fail(new AcpException(AcpException.Kind.CLOSED, "cannot read the agent's output: " + e.getMessage()));
    }
  }

  /** The message, or null after failing the connection for a line that is not one. */
  private JsonNode parse(String line) {
    JsonNode message;
    try {
      message = json.readTree(line);
    } catch (JsonProcessingException e) {
      message = null;
    }
    if (message == null || !message.isObject() || !"2.0".equals(message.path("jsonrpc").asText())) {
      String quote = line.length() > MAX_QUOTE ? line.substring(0, MAX_QUOTE) + "..." : line;
      fail(new AcpException(AcpException.Kind.PROTOCOL, "the agent wrote something that is not a JSON-RPC 2.0"
          + " message to its standard output: " + quote.replaceAll("\\p{Cntrl}", " ")));
      return null;
    }
    return message;
  }

  private void dispatch(JsonNode message) {
    boolean hasMethod = message.hasNonNull("method");
    JsonNode id = message.get("id");
    if (!hasMethod && id != null && id.canConvertToLong()) {
      CompletableFuture<JsonNode> answer = pending.get(id.asLong());
      if (answer != null) {
        JsonNode error = message.get("error");
        if (error != null && !error.isNull()) {
          answer.completeExceptionally(new AcpException(AcpException.Kind.ERROR, error.path("code").asInt(),
              "the agent answered with an error: " + error.path("message").asText("(no message)")));
        } else {
          answer.complete(message.path("result").isMissingNode() ? JsonNodeFactory.instance.nullNode()
              : message.get("result"));
        }
      }
      return;
    }
    if (!hasMethod) {
      return; // an answer to nothing we asked: ignored
    }
    String method = message.get("method").asText();
    JsonNode params = message.path("params");
    if (id == null || id.isNull()) {
      handler.notification(method, params);
    } else {
      workers.execute(() -> answer(id, method, params));
    }
  }

  private void answer(JsonNode id, String method, JsonNode params) {
    ObjectNode reply = envelope();
    reply.set("id", id);
    try {
      JsonNode result = handler.request(method, params);
      reply.set("result", result == null ? JsonNodeFactory.instance.nullNode() : result);
    } catch (AcpHandler.RequestRefused e) {
      reply.set("error", JsonNodeFactory.instance.objectNode().put("code", e.code()).put("message", e.getMessage()));
    } catch (RuntimeException e) {
      reply.set("error", JsonNodeFactory.instance.objectNode().put("code", AcpHandler.RequestRefused.INTERNAL)
          .put("message", "the client failed: " + e.getClass().getSimpleName()));
    }
    try {
      send(reply);
    } catch (AcpException e) {
      // the connection broke; whoever waits on it is told
    }
  }

  private void fail(AcpException why) {
    if (broken == null) {
      broken = why;
    }
    pending.values().forEach(p -> p.completeExceptionally(broken));
  }

  /** Stops the workers; the agent's streams are closed by whoever owns its process. */
  @Override
  public void close() {
    fail(new AcpException(AcpException.Kind.CLOSED, "the connection was closed"));
    workers.shutdownNow();
  }
}
