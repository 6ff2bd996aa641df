package dev.aegis.core.agent;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.aegis.core.acp.AcpHandler.RequestRefused;
import dev.aegis.core.policy.CommandResult;
import dev.aegis.core.policy.PolicyException;
import dev.aegis.core.policy.Redactor;
import dev.aegis.core.policy.Workspace;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;

/**
 * ACP's {@code terminal/*}: each terminal is one command run to completion by {@code run_command}'s machinery
 * (the command sandbox, protected paths read-only, the scrubbed environment, the policy's timeout). Output is
 * available once the command has ended; {@code terminal/kill} cannot stop a sandboxed command early (it ends at
 * its timeout) and says so in the transcript. The agent's {@code env} entries are not applied: commands get the
 * sandbox's environment only.
 */
final class AcpTerminals implements AutoCloseable {
  private final CommandTools commands;
  private final Workspace workspace;
  private final AcpPaths paths;
  private final Redactor redactor;
  private final RunRecords records;
  private final Supplier<Duration> remaining;
  private final Map<String, CompletableFuture<CommandResult>> running = new ConcurrentHashMap<>();
  private final AtomicLong ids = new AtomicLong();

  AcpTerminals(CommandTools commands, Workspace workspace, AcpPaths paths, Redactor redactor, RunRecords records,
      Supplier<Duration> remaining) {
    this.commands = commands;
    this.workspace = workspace;
    this.paths = paths;
    this.redactor = redactor;
    this.records = records;
    this.remaining = remaining;
  }

  JsonNode handle(String method, JsonNode params) {
    return switch (method) {
      case "terminal/create" -> create(params);
      case "terminal/output" -> output(find(params), params);
      case "terminal/wait_for_exit" -> exit(waitFor(find(params)));
      case "terminal/kill" -> {
        records.trace("terminal_kill", Map.of("terminal", params.path("terminalId").asText(""),
            "note", "a sandboxed command cannot be stopped early; it ends at its timeout"));
        yield JsonNodeFactory.instance.objectNode();
      }
      case "terminal/release" -> {
        running.remove(params.path("terminalId").asText(""));
        yield JsonNodeFactory.instance.objectNode();
      }
      default -> throw new RequestRefused(RequestRefused.METHOD_NOT_FOUND, "Aegis does not offer " + method);
    };
  }

  private JsonNode create(JsonNode params) {
    String command = params.path("command").asText("").strip();
    if (command.isEmpty()) {
      throw new RequestRefused(RequestRefused.INVALID_PARAMS, "terminal/create needs a command");
    }
    List<String> words = new ArrayList<>();
    params.path("args").forEach(a -> words.add(a.asText()));
    String line = words.isEmpty() ? command : quote(command) + " " + String.join(" ",
        words.stream().map(AcpTerminals::quote).toList());
    String cwd = params.path("cwd").asText("");
    if (!cwd.isBlank()) {
      String relative = paths.relative(cwd);
      workspace.resolveForRead(relative);
      if (!relative.equals(".")) {
        line = "cd " + quote(relative) + " && " + line;
      }
    }
    String id = "aegis-terminal-" + ids.incrementAndGet();
    String run = line;
    records.note("terminal_create", Map.of("terminal", id, "command", Text.cap(run, 2000)));
    CompletableFuture<CommandResult> future = new CompletableFuture<>();
    Thread worker = new Thread(() -> {
      try {
        future.complete(commands.execute(run, Integer.MAX_VALUE));
      } catch (RuntimeException e) {
        future.completeExceptionally(e);
      }
    }, "acp-terminal");
    worker.setDaemon(true);
    running.put(id, future);
    worker.start();
    return JsonNodeFactory.instance.objectNode().put("terminalId", id);
  }

  private CompletableFuture<CommandResult> find(JsonNode params) {
    CompletableFuture<CommandResult> f = running.get(params.path("terminalId").asText(""));
    if (f == null) {
      throw new RequestRefused(RequestRefused.INVALID_PARAMS, "no terminal " + params.path("terminalId").asText(""));
    }
    return f;
  }

  private CommandResult waitFor(CompletableFuture<CommandResult> f) {
    try {
      return f.get(Math.max(1, remaining.get().toMillis()), TimeUnit.MILLISECONDS);
    } catch (ExecutionException e) {
      if (e.getCause() instanceof PolicyException p) {
        throw p;
      }
      throw new RequestRefused(RequestRefused.INTERNAL, "the command could not run: "
          + redactor.redact(String.valueOf(e.getCause().getMessage())));
    } catch (TimeoutException e) {
      throw new RequestRefused(RequestRefused.INTERNAL, "the run's time is up");
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new RequestRefused(RequestRefused.INTERNAL, "interrupted");
    }
  }

  private JsonNode output(CompletableFuture<CommandResult> f, JsonNode params) {
    ObjectNode out = JsonNodeFactory.instance.objectNode();
    if (!f.isDone()) {
      return out.put("output", "").put("truncated", false);
    }
    CommandResult r = waitFor(f);
    int limit = params.path("outputByteLimit").asInt(workspace.policy().maxOutputChars());
    String text = redactor.redact(r.output());
    boolean truncated = text.length() > limit;
    out.put("output", truncated ? text.substring(text.length() - limit) : text).put("truncated", truncated);
    out.set("exitStatus", exit(r));
    return out;
  }

  private static ObjectNode exit(CommandResult r) {
    ObjectNode status = JsonNodeFactory.instance.objectNode();
    if (r.timedOut()) {
      status.putNull("exitCode").put("signal", "SIGKILL");
    } else {
      status.put("exitCode", r.exitCode()).putNull("signal");
    }
    return status;
  }

  static String quote(String word) {
    return "'" + word.replace("'", "'\\''") + "'";
  }

  @Override
  public void close() {
    running.clear();
  }
}
