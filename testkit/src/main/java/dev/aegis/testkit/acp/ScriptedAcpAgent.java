package dev.aegis.testkit.acp;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeSet;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A real ACP agent process (newline-delimited JSON-RPC 2.0 on stdio) that follows a script instead of a model,
 * for testing an ACP client. Run as {@code java -cp ... dev.aegis.testkit.acp.ScriptedAcpAgent SCRIPT.json}.
 *
 * <p>The script is one JSON object: {@code protocolVersion} (what {@code initialize} answers, default 1),
 * {@code hangOn} ({@code "initialize"} to never answer it), {@code ignoreCancel} (keep working after
 * {@code session/cancel}), {@code stayAfterStdinCloses} (as codex-acp does), and {@code turns}: one list of
 * actions per {@code session/prompt}, each an object with {@code do}:
 * <ul>
 *   <li>{@code say} {@code text}: an {@code agent_message_chunk};</li>
 *   <li>{@code tool_call} {@code title}, {@code kind}: a {@code tool_call} update;</li>
 *   <li>{@code read} {@code path} (workspace-relative or absolute): {@code fs/read_text_file};</li>
 *   <li>{@code write} {@code path}, {@code content}: {@code fs/write_text_file};</li>
 *   <li>{@code permission} {@code kind}, {@code path}, {@code title}: {@code session/request_permission};</li>
 *   <li>{@code terminal} {@code command}: {@code terminal/create} then {@code terminal/wait_for_exit} and
 *       {@code terminal/output};</li>
 *   <li>{@code env}: says the names of its environment variables, one {@code ENV name} line each;</li>
 *   <li>{@code spawn} {@code command}: starts a child process ({@code sh -c}) and says {@code CHILD pid};</li>
 *   <li>{@code garbage} {@code text}: writes that line (not JSON) to stdout;</li>
 *   <li>{@code exit} {@code code}: exits at once;</li>
 *   <li>{@code hang}: never ends the turn (until cancelled, unless {@code ignoreCancel}).</li>
 * </ul>
 * Every answer it gets from the client is said back as {@code ANSWER <method> <json>}, so a test can read in the
 * transcript what the client decided.
 */
public final class ScriptedAcpAgent {
  private final ObjectMapper json = new ObjectMapper();
  private final PrintStream out;
  private final JsonNode script;
  private final Map<Long, CompletableFuture<JsonNode>> pending = new ConcurrentHashMap<>();
  private final AtomicLong ids = new AtomicLong(1000);
  private final BlockingQueue<JsonNode> prompts = new LinkedBlockingQueue<>();
  private volatile boolean cancelled;
  private String cwd = ".";
  private String sessionId = "scripted-session-1";
  private int turn;

  private ScriptedAcpAgent(JsonNode script, PrintStream out) {
    this.script = script;
    this.out = out;
  }

  public static void main(String[] args) throws Exception {
    JsonNode script = new ObjectMapper().readTree(Files.readString(Path.of(args[0])));
    PrintStream stdout = new PrintStream(new java.io.FileOutputStream(java.io.FileDescriptor.out), true,
        StandardCharsets.UTF_8);
    System.setOut(System.err); // nothing but protocol on stdout
    new ScriptedAcpAgent(script, stdout).serve();
  }

  private void serve() throws Exception {
    Thread worker = new Thread(this::work, "scripted-agent-worker");
    worker.setDaemon(true);
    worker.start();
    BufferedReader in = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
    String line;
    while ((line = in.readLine()) != null) {
      if (line.isBlank()) {
        continue;
      }
      JsonNode message = json.readTree(line);
      if (message.has("method")) {
        incoming(message);
      } else if (message.has("id")) {
        CompletableFuture<JsonNode> f = pending.remove(message.get("id").asLong());
        if (f != null) {
          f.complete(message);
        }
      }
    }
    System.err.println("scripted agent: stdin closed");
    if (script.path("stayAfterStdinCloses").asBoolean(false)) {
      Thread.sleep(Long.MAX_VALUE);
    }
    System.exit(0);
  }

  private void incoming(JsonNode message) throws InterruptedException, IOException {
    String method = message.get("method").asText();
    JsonNode id = message.get("id");
    JsonNode params = message.path("params");
    switch (method) {
      case "initialize" -> {
        if ("initialize".equals(script.path("hangOn").asText())) {
          return;
        }
        ObjectNode result = JsonNodeFactory.instance.objectNode()
            .put("protocolVersion", script.path("protocolVersion").asInt(1));
        result.putObject("agentCapabilities").put("loadSession", false);
        result.putObject("agentInfo").put("name", "scripted-acp-agent").put("version", "1");
        result.putArray("authMethods");
        reply(id, result);
      }
      case "session/new" -> {
        cwd = params.path("cwd").asText(".");
        reply(id, JsonNodeFactory.instance.objectNode().put("sessionId", sessionId));
      }
      case "session/prompt" -> prompts.put(message);
      case "session/cancel" -> cancelled = true;
      default -> {
        if (id != null) {
          ObjectNode error = JsonNodeFactory.instance.objectNode().put("jsonrpc", "2.0");
          error.set("id", id);
          error.putObject("error").put("code", -32601).put("message", "no such method " + method);
          send(error);
        }
      }
    }
  }

  private void work() {
    try {
      while (true) {
        JsonNode prompt = prompts.take();
        JsonNode actions = script.path("turns").path(turn++);
        cancelled = false;
        String stop = "end_turn";
        for (JsonNode action : actions) {
          if (cancelled && !script.path("ignoreCancel").asBoolean(false)) {
            stop = "cancelled";
            break;
          }
          if (!act(action)) {
            stop = "cancelled";
            break;
          }
        }
        ObjectNode result = JsonNodeFactory.instance.objectNode().put("stopReason", stop);
        if (script.has("usage")) {
          result.set("usage", script.get("usage"));
        }
        reply(prompt.get("id"), result);
      }
    } catch (Exception e) {
      e.printStackTrace();
      System.exit(70);
    }
  }

  /** Does one action; false when the turn was cancelled while it waited. */
  private boolean act(JsonNode a) throws Exception {
    switch (a.path("do").asText()) {
      case "say" -> say(a.path("text").asText());
      case "tool_call" -> {
        ObjectNode update = update("tool_call").put("toolCallId", "call-" + ids.incrementAndGet())
            .put("title", a.path("title").asText("a tool")).put("kind", a.path("kind").asText("other"))
            .put("status", "pending");
        notifyUpdate(update);
      }
      case "read" -> answered("fs/read_text_file", call("fs/read_text_file", session().put("path", path(a))));
      case "write" -> answered("fs/write_text_file", call("fs/write_text_file", session().put("path", path(a))
          .put("content", a.path("content").asText())));
      case "permission" -> {
        ObjectNode params = session();
        ObjectNode toolCall = params.putObject("toolCall").put("toolCallId", "call-" + ids.incrementAndGet())
            .put("title", a.path("title").asText("a change")).put("kind", a.path("kind").asText("edit"));
        toolCall.putArray("locations").addObject().put("path", path(a));
        var options = params.putArray("options");
        options.addObject().put("optionId", "allow-once").put("name", "Allow").put("kind", "allow_once");
        options.addObject().put("optionId", "allow-always").put("name", "Always").put("kind", "allow_always");
        options.addObject().put("optionId", "reject-once").put("name", "Reject").put("kind", "reject_once");
        answered("session/request_permission", call("session/request_permission", params));
      }
      case "terminal" -> {
        JsonNode created = call("terminal/create", session().put("command", a.path("command").asText()));
        answered("terminal/create", created);
        String terminal = created.path("result").path("terminalId").asText("");
        answered("terminal/wait_for_exit", call("terminal/wait_for_exit", session().put("terminalId", terminal)));
        answered("terminal/output", call("terminal/output", session().put("terminalId", terminal)));
      }
      case "env" -> {
        StringBuilder names = new StringBuilder();
        new TreeSet<>(System.getenv().keySet()).forEach(n -> names.append("ENV ").append(n).append('\n'));
        say(names.toString());
      }
      case "spawn" -> {
        Process child = new ProcessBuilder("sh", "-c", a.path("command").asText()).inheritIO()
            .redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
        say("CHILD " + child.pid() + "\n");
      }
      case "garbage" -> {
        out.println(a.path("text").asText("this is not JSON"));
        out.flush();
      }
      case "exit" -> System.exit(a.path("code").asInt(1));
      case "hang" -> {
        while (!cancelled || script.path("ignoreCancel").asBoolean(false)) {
          Thread.sleep(50);
        }
        return false;
      }
      default -> throw new IllegalArgumentException("unknown action " + a);
    }
    return true;
  }

  private String path(JsonNode a) {
    String p = a.path("path").asText();
    return p.startsWith("/") ? p : Path.of(cwd).resolve(p).toString();
  }

  private ObjectNode session() {
    return JsonNodeFactory.instance.objectNode().put("sessionId", sessionId);
  }

  private ObjectNode update(String kind) {
    return JsonNodeFactory.instance.objectNode().put("sessionUpdate", kind);
  }

  private void say(String text) throws IOException {
    ObjectNode update = update("agent_message_chunk");
    update.putObject("content").put("type", "text").put("text", text);
    notifyUpdate(update);
  }

  private void notifyUpdate(ObjectNode update) throws IOException {
    ObjectNode message = JsonNodeFactory.instance.objectNode().put("jsonrpc", "2.0").put("method", "session/update");
    message.putObject("params").put("sessionId", sessionId).set("update", update);
    send(message);
  }

  private void answered(String method, JsonNode answer) throws IOException {
    JsonNode body = answer.has("error") ? answer.get("error") : answer.path("result");
    say("ANSWER " + method + " " + json.writeValueAsString(body) + "\n");
  }

  private JsonNode call(String method, ObjectNode params) throws Exception {
    long id = ids.incrementAndGet();
    CompletableFuture<JsonNode> answer = new CompletableFuture<>();
    pending.put(id, answer);
    ObjectNode message = JsonNodeFactory.instance.objectNode().put("jsonrpc", "2.0").put("id", id)
        .put("method", method);
    message.set("params", params);
    send(message);
    return answer.get();
  }

  private void reply(JsonNode id, JsonNode result) throws IOException {
    ObjectNode message = JsonNodeFactory.instance.objectNode().put("jsonrpc", "2.0");
    message.set("id", id);
    message.set("result", result);
    send(message);
  }

  private synchronized void send(JsonNode message) throws IOException {
    out.println(json.writeValueAsString(message));
    out.flush();
  }
}
