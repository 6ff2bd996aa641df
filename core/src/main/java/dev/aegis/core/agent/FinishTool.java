package dev.aegis.core.agent;

import dev.aegis.core.git.Checkout;
import com.fasterxml.jackson.databind.JsonNode;
import dev.aegis.core.agent.ToolArgs.ToolError;
import dev.aegis.core.policy.CommandResult;
import dev.aegis.core.policy.PolicyException;
import dev.aegis.core.policy.Redactor;
import java.util.ArrayList;
import java.nio.file.Path;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/** {@code finish}: validates the structured result and builds the {@link Report}. */
final class FinishTool {
  private final Mode mode;
  private final Redactor redactor;
  private final Checkout git;
  private final CommandTools commands;
  private final FileTools files;

  FinishTool(Mode mode, Redactor redactor, Checkout git, CommandTools commands, FileTools files) {
    this.mode = mode;
    this.redactor = redactor;
    this.git = git;
    this.commands = commands;
    this.files = files;
  }

  Report finish(ToolArgs args) {
    return mode == Mode.PLAN ? plan(args) : fix(args);
  }

  private PlanReport plan(ToolArgs args) {
    List<String> missing = new ArrayList<>();
    String summary = text(args, "summary", missing);
    String rootCause = text(args, "root_cause", missing);
    String fixPlan = text(args, "fix_plan", missing);
    String testPlan = text(args, "test_plan", missing);
    String riskText = text(args, "risk", missing);
    List<Evidence> evidence = evidence(args.node().path("evidence"), missing);
    Risk risk = Risk.parse(riskText).orElse(null);
    if (risk == null && !riskText.isEmpty()) {
      missing.add("risk must be low, medium or high");
    }
    if (!missing.isEmpty()) {
      throw new ToolError("finish was not accepted: " + String.join("; ", missing)
          + ". Call finish again with every field.");
    }
    return new PlanReport(summary, rootCause, evidence, fixPlan, testPlan, risk);
  }

  private List<Evidence> evidence(JsonNode node, List<String> missing) {
    if (!node.isArray() || node.isEmpty()) {
      missing.add("evidence must be a non-empty array of {file, line, note}");
      return List.of();
    }
    List<Evidence> out = new ArrayList<>();
    for (JsonNode item : node) {
      String file = item.path("file").asText("");
      int line = item.path("line").asInt(-1);
      if (file.isBlank() || line < 0) {
        missing.add("each evidence item needs a file and a line (0 for the whole file)");
        return List.of();
      }
      out.add(new Evidence(redactor.redact(file), line, redactor.redact(item.path("note").asText(""))));
    }
    return out;
  }

  private FixReport fix(ToolArgs args) {
    List<String> missing = new ArrayList<>();
    String summary = text(args, "summary", missing);
    if (!missing.isEmpty()) {
      throw new ToolError("finish was not accepted: " + String.join("; ", missing));
    }
    String command = args.optionalString("test_command", "").trim();
    FixReport.TestRun run = null;
    if (!command.isEmpty()) {
      try {
        CommandResult result = commands.execute(command, Integer.MAX_VALUE);
        run = new FixReport.TestRun(redactor.redact(command), result.exitCode(),
            Text.tail(redactor.redact(result.output()), 2000));
      } catch (PolicyException e) {
        run = null; // commands cannot run here; Aegis says so when it runs the project's tests itself
      }
    }
    List<String> changed = git.changedFiles().stream().map(redactor::redact).toList();
    Set<String> ofTheFix = new LinkedHashSet<>(files.written());
    for (JsonNode file : args.node().path("files")) {
      if (file.isTextual() && !file.asText().isBlank()) {
        // the name as written (a symlink stays a symlink): the commit gate judges what it points at
        Path named = Path.of(file.asText().strip()).normalize();
        if (!named.isAbsolute() && !named.startsWith("..") && !named.toString().isEmpty()) {
          ofTheFix.add(named.toString().replace('\\', '/'));
        }
      }
    }
    return new FixReport(summary, changed, redactor.redact(command), run,
        redactor.redact(args.optionalString("notes", "")), List.copyOf(ofTheFix));
  }

  private String text(ToolArgs args, String name, List<String> missing) {
    JsonNode value = args.node().get(name);
    if (value == null || !value.isTextual() || value.asText().isBlank()) {
      missing.add("'" + name + "' is missing or empty");
      return "";
    }
    return redactor.redact(value.asText().strip());
  }
}
