package dev.aegis.core.agent;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.aegis.core.acp.AcpHandler;
import dev.aegis.core.agent.ToolArgs.ToolError;
import dev.aegis.core.policy.PolicyException;
import dev.aegis.core.policy.Redactor;
import dev.aegis.core.policy.Workspace;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * What Aegis does as the ACP client for one session: answers permission requests from the policy
 * ({@link AcpPermissions}), does {@code fs/*} through the same confinement as the file tools and
 * {@code terminal/*} in the command sandbox ({@link AcpTerminals}), and keeps what the agent streams in
 * {@code session/update}: its message text (where the report is), its tool calls (the steps), its usage.
 * Every decision goes to the audit log; every refusal is counted.
 */
final class AcpClientSide implements AcpHandler {
  /** ACP leaves server error codes to implementations: Aegis answers a policy refusal with this one. */
  static final int REFUSED_BY_POLICY = -32000;

  private final Workspace workspace;
  private final AcpPaths paths;
  private final AcpPermissions permissions;
  private final FileTools files;
  private final AcpTerminals terminals;
  private final Redactor redactor;
  private final RunRecords records;
  private final Progress progress;
  private final AtomicInteger steps = new AtomicInteger();
  private final AtomicInteger denials = new AtomicInteger();
  private final StringBuilder message = new StringBuilder();
  private volatile double costDollars = -1;

  AcpClientSide(Workspace workspace, Path given, FileTools files, AcpTerminals terminals, Redactor redactor,
      RunRecords records, Progress progress) {
    this.workspace = workspace;
    this.paths = new AcpPaths(workspace, given);
    this.permissions = new AcpPermissions(workspace, paths);
    this.files = files;
    this.terminals = terminals;
    this.redactor = redactor;
    this.records = records;
    this.progress = progress;
  }

  int steps() {
    return steps.get();
  }

  int denials() {
    return denials.get();
  }

  /** The cost the agent reported, or -1 when it reported none. */
  double costDollars() {
    return costDollars;
  }

  /** Everything the agent said so far (its message chunks, joined). */
  synchronized String message() {
    return message.toString();
  }

  synchronized void clearMessage() {
    message.setLength(0);
  }

  @Override
  public JsonNode request(String method, JsonNode params) {
    return switch (method) {
      case "session/request_permission" -> permission(params);
      case "fs/read_text_file" -> read(params);
      case "fs/write_text_file" -> write(params);
      case "terminal/create", "terminal/output", "terminal/wait_for_exit", "terminal/kill", "terminal/release" ->
          terminal(method, params);
      default -> throw new RequestRefused(RequestRefused.METHOD_NOT_FOUND, "Aegis does not offer " + method);
    };
  }

  private JsonNode permission(JsonNode params) {
    JsonNode call = params.path("toolCall");
    AcpPermissions.Decision decision = permissions.decide(call);
    Map<String, Object> data = new LinkedHashMap<>();
    data.put("tool_call", call.path("toolCallId").asText(""));
    data.put("title", Text.cap(call.path("title").asText(""), 300));
    data.put("kind", decision.kind());
    data.put("paths", decision.paths());
    data.put("allowed", decision.allowed());
    data.put("reason", decision.reason());
    records.note(decision.allowed() ? "permission" : "policy_denied", data);
    if (!decision.allowed()) {
      denials.incrementAndGet();
      say("refused " + decision.kind() + " " + String.join(", ", decision.paths()) + ": " + decision.reason());
    }
    return AcpPermissions.answer(params.path("options"), decision.allowed());
  }

  private JsonNode read(JsonNode params) {
    String path = params.path("path").asText("");
    try {
      String relative = paths.relative(path);
      Path file = workspace.resolveForRead(relative);
      List<String> lines = FileTools.lines(relative, file);
      int line = params.path("line").asInt(1);
      int limit = params.path("limit").asInt(Integer.MAX_VALUE);
      int from = Math.max(1, line) - 1;
      int to = (int) Math.min(lines.size(), (long) from + Math.max(0, limit));
      String content = from >= lines.size() ? "" : String.join("\n", lines.subList(from, to))
          + (to == lines.size() ? "" : "\n");
      records.note("fs_read", Map.of("path", relative, "line", line, "chars", content.length()));
      return JsonNodeFactory.instance.objectNode().put("content", redactor.redact(content));
    } catch (PolicyException e) {
      throw refused("fs_read", path, e);
    } catch (ToolError e) {
      throw new RequestRefused(RequestRefused.NOT_FOUND, redactor.redact(e.getMessage()));
    }
  }

  private JsonNode write(JsonNode params) {
    String path = params.path("path").asText("");
    try {
      String relative = paths.relative(path);
      ObjectNode args = JsonNodeFactory.instance.objectNode().put("path", relative)
          .put("content", params.path("content").asText(""));
      String done = files.write(new ToolArgs("fs/write_text_file", args));
      records.note("fs_write", Map.of("path", relative, "result", done));
      say(done);
      return JsonNodeFactory.instance.nullNode();
    } catch (PolicyException e) {
      throw refused("fs_write", path, e);
    } catch (ToolError e) {
      throw new RequestRefused(RequestRefused.INVALID_PARAMS, redactor.redact(e.getMessage()));
    }
  }

  private JsonNode terminal(String method, JsonNode params) {
    try {
      return terminals.handle(method, params);
    } catch (PolicyException e) {
      throw refused("terminal", params.path("command").asText(""), e);
    }
  }

  private RequestRefused refused(String what, String path, PolicyException e) {
    denials.incrementAndGet();
    records.note("policy_denied", Map.of("request", what, "path", path, "rule", e.rule().name(),
        "reason", e.getMessage()));
    say("refused " + what + " " + path + ": " + e.getMessage());
    return new RequestRefused(REFUSED_BY_POLICY, "refused by policy: " + redactor.redact(e.getMessage()));
  }

  @Override
  public void notification(String method, JsonNode params) {
    if (!"session/update".equals(method)) {
      return;
    }
    JsonNode update = params.path("update");
    switch (update.path("sessionUpdate").asText("")) {
      case "agent_message_chunk" -> {
        if ("text".equals(update.path("content").path("type").asText())) {
          synchronized (this) {
            message.append(update.path("content").path("text").asText(""));
          }
        }
      }
      case "tool_call" -> {
        int step = steps.incrementAndGet();
        String title = update.path("title").asText(update.path("kind").asText("tool"));
        records.note("agent_tool_call", Map.of("step", step, "id", update.path("toolCallId").asText(""),
            "kind", update.path("kind").asText(""), "title", Text.cap(title, 300)));
        say("step " + step + ": " + Text.cap(title, 160).replace('\n', ' '));
      }
      case "usage_update" -> {
        // ACP's usage RFD (not yet in the stable schema): cost as {amount, currency}; only USD is counted
        JsonNode cost = update.path("cost");
        if (cost.path("amount").isNumber() && "USD".equalsIgnoreCase(cost.path("currency").asText("USD"))) {
          costDollars = cost.path("amount").asDouble();
        }
      }
      default -> { }
    }
  }

  private void say(String line) {
    progress.line(redactor.redact(line));
  }
}
