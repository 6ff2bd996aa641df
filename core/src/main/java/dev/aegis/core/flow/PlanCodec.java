package dev.aegis.core.flow;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.aegis.core.agent.Evidence;
import dev.aegis.core.agent.PlanReport;
import dev.aegis.core.agent.Risk;
import dev.aegis.core.json.Mappers;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Stores an approved plan in the run's state block (the {@code plan} fact), so the implement run, possibly in
 * another job, works from exactly the plan the maintainer approved.
 */
final class PlanCodec {
  private final ObjectMapper json = Mappers.JSON;

  String write(PlanReport plan) {
    ObjectNode n = json.createObjectNode();
    n.put("summary", plan.summary());
    n.put("root_cause", plan.rootCause());
    ArrayNode evidence = n.putArray("evidence");
    plan.evidence().forEach(e -> evidence.addObject().put("file", e.file()).put("line", e.line()).put("note", e.note()));
    n.put("fix_plan", plan.fixPlan());
    n.put("test_plan", plan.testPlan());
    n.put("risk", plan.risk().name());
    return n.toString();
  }

  Optional<PlanReport> read(String text) {
    if (text == null || text.isBlank()) {
      return Optional.empty();
    }
    try {
      JsonNode n = json.readTree(text);
      List<Evidence> evidence = new ArrayList<>();
      n.path("evidence").forEach(e -> evidence.add(
          new Evidence(e.path("file").asText(), Math.max(0, e.path("line").asInt()), e.path("note").asText())));
      return Optional.of(new PlanReport(n.path("summary").asText(), n.path("root_cause").asText(), evidence,
          n.path("fix_plan").asText(), n.path("test_plan").asText(),
          Risk.parse(n.path("risk").asText()).orElse(Risk.HIGH)));
    } catch (Exception e) {
      return Optional.empty();
    }
  }

  /** The plan with every model-written field made safe to post (see {@link SafeMarkdown}). */
  static PlanReport safe(PlanReport p) {
    List<Evidence> evidence = p.evidence().stream()
        .map(e -> new Evidence(SafeMarkdown.code(e.file()), e.line(), SafeMarkdown.of(e.note()))).toList();
    return new PlanReport(SafeMarkdown.of(p.summary()), SafeMarkdown.of(p.rootCause()), evidence,
        SafeMarkdown.of(p.fixPlan()), SafeMarkdown.of(p.testPlan()), p.risk());
  }
}
