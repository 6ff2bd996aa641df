package dev.aegis.core.agent;

import dev.aegis.core.audit.AuditLog;
import dev.aegis.core.audit.Transcript;
import dev.aegis.core.model.ModelReply;
import dev.aegis.core.model.ToolCall;
import dev.aegis.core.model.Usage;
import dev.aegis.core.policy.Redactor;
import java.nio.file.Path;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The transcript and the audit log of one run, written side by side; both redact every string. */
final class RunRecords implements AutoCloseable {
  static final String TRANSCRIPT = "transcript.jsonl";
  static final String AUDIT = "audit.jsonl";

  private final Transcript transcript;
  private final AuditLog audit;

  RunRecords(Path directory, Clock clock, Redactor redactor) {
    this.transcript = Transcript.create(directory.resolve(TRANSCRIPT), clock, redactor);
    this.audit = AuditLog.create(directory.resolve(AUDIT), clock, redactor);
  }

  void start(Map<String, Object> facts, String system, String task) {
    Map<String, Object> data = new LinkedHashMap<>(facts);
    data.put("task_sha256", Text.sha256(task));
    audit.append("run_start", data);
    Map<String, Object> full = new LinkedHashMap<>(facts);
    full.put("system", system);
    full.put("task", task);
    transcript.append("run_start", full);
  }

  void request(int step, int messages, int chars) {
    transcript.append("model_request", Map.of("step", step, "messages", messages, "chars", chars));
  }

  void reply(int step, ModelReply reply) {
    List<Map<String, String>> calls = reply.toolCalls().stream()
        .map(c -> Map.of("id", c.id(), "name", c.name(), "arguments", c.arguments())).toList();
    transcript.append("model_reply", Map.of("step", step, "text", reply.text(), "tool_calls", calls,
        "finish_reason", reply.finishReason().name(), "usage", usage(reply.usage())));
    audit.append("model_reply", Map.of("step", step, "tools", reply.toolCalls().stream().map(ToolCall::name).toList(),
        "finish_reason", reply.finishReason().name(), "usage", usage(reply.usage())));
  }

  void tool(int step, ToolCall call, ToolOutcome outcome) {
    transcript.append("tool_call", Map.of("step", step, "id", call.id(), "name", call.name(),
        "arguments", call.arguments()));
    transcript.append("tool_result", Map.of("step", step, "id", call.id(), "error", outcome.error(),
        "denied", outcome.denied(), "content", outcome.content()));
    audit.append(outcome.denied() ? "policy_denied" : "tool", Map.of("step", step, "name", call.name(),
        "arguments", Text.cap(call.arguments(), 2000), "error", outcome.error(),
        "result_sha256", Text.sha256(outcome.content())));
  }

  /** An entry for the transcript only (the agent's traffic); the audit log gets the decisions. */
  void trace(String type, Map<String, ?> data) {
    transcript.append(type, data);
  }

  void note(String type, Map<String, ?> data) {
    transcript.append(type, data);
    audit.append(type, data);
  }

  /** Writes the end entry and returns the audit log's final hash. */
  String end(Map<String, Object> data) {
    transcript.append("run_end", data);
    return audit.append("run_end", data);
  }

  String lastHash() {
    return audit.lastHash();
  }

  Path transcriptFile() {
    return transcript.file();
  }

  Path auditFile() {
    return audit.file();
  }

  static Map<String, Long> usage(Usage usage) {
    return Map.of("input", usage.inputTokens(), "output", usage.outputTokens(), "cached",
        usage.cachedInputTokens());
  }

  @Override
  public void close() {
    transcript.close();
    audit.close();
  }
}
