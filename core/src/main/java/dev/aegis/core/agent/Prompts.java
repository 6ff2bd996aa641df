package dev.aegis.core.agent;

import dev.aegis.core.json.Mappers;
import dev.aegis.core.model.ToolSpec;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** The prompts ({@code prompts/*.md}) and tool schemas ({@code tools/*.json}) bundled as resources. */
final class Prompts {
  static final List<String> TOOLS = List.of(
      "list_files", "read_file", "search", "edit_file", "write_file", "run_command", "git_diff");
  static final List<String> EDIT_TOOLS = List.of("edit_file", "write_file");
  /** Offered only in production context with a database. */
  static final List<String> DATABASE_TOOLS = List.of("sql_query", "describe_schema");

  private final com.fasterxml.jackson.databind.ObjectMapper json = Mappers.JSON;

  String system(Mode mode) {
    return fill(resource("prompts/system.md"),
        Map.of("mode_instructions", resource(mode == Mode.PLAN ? "prompts/plan.md" : "prompts/fix.md")));
  }

  /** The system prompt, plus what the database tools are and how to cite a query, when {@code database}. */
  String system(Mode mode, boolean database) {
    return database ? system(mode) + "\n" + resource("prompts/production.md") : system(mode);
  }

  String task(String task, String guidance) {
    return fill(resource("prompts/task.md"), Map.of("task", task, "guidance", guidance));
  }

  String guidance(String ref, String files) {
    return fill(resource("prompts/guidance.md"), Map.of("ref", ref, "files", files));
  }

  /** The one prompt an external (ACP) agent gets: the rules, the mode, how to hand back the report, the task. */
  String acp(Mode mode, boolean readOnly, boolean finishTool, String task, String guidance) {
    String schema = finishSchema(mode).toPrettyString();
    return fill(resource("prompts/acp.md"), Map.of(
        "finish_tool", finishTool ? " Call the `finish` tool of the MCP server `aegis` once, with the JSON"
            + " object below as its arguments; if it answers with an error, fix what it names and call it again."
            : "",
        "read_only", readOnly ? " This run is read-only: file changes are refused." : "",
        "mode_instructions", resource(mode == Mode.PLAN ? "prompts/acp-plan.md" : "prompts/acp-fix.md").strip(),
        "schema", schema, "task", task, "guidance", guidance));
  }

  /** The {@code finish} tool's input schema in {@code mode} (the same for the built-in and the hosted tool). */
  com.fasterxml.jackson.databind.JsonNode finishSchema(Mode mode) {
    try {
      return json.readTree(resource(mode == Mode.PLAN ? "tools/finish_plan.json" : "tools/finish_fix.json"))
          .path("parameters");
    } catch (IOException e) {
      throw new UncheckedIOException("the finish schema is not valid JSON", e);
    }
  }

  /** The {@code finish} tool's description in {@code mode}. */
  String finishDescription(Mode mode) {
    try {
      return json.readTree(resource(mode == Mode.PLAN ? "tools/finish_plan.json" : "tools/finish_fix.json"))
          .path("description").asText();
    } catch (IOException e) {
      throw new UncheckedIOException("the finish schema is not valid JSON", e);
    }
  }

  /** The follow-up when an ACP agent's answer had no readable report. */
  String acpRetry(String problem) {
    return fill(resource("prompts/acp-retry.md"), Map.of("problem", problem)).strip();
  }

  String nudge() {
    return resource("prompts/nudge.md").trim();
  }

  /** The tools offered in {@code mode}; edit tools are left out of a read-only run. */
  List<ToolSpec> tools(Mode mode, boolean readOnly) {
    return tools(mode, readOnly, false);
  }

  /** As {@link #tools(Mode, boolean)}, plus {@code sql_query} and {@code describe_schema} when {@code database}. */
  List<ToolSpec> tools(Mode mode, boolean readOnly, boolean database) {
    List<ToolSpec> specs = new ArrayList<>();
    for (String name : TOOLS) {
      if (!(readOnly && EDIT_TOOLS.contains(name))) {
        specs.add(spec("tools/" + name + ".json"));
      }
    }
    if (database) {
      DATABASE_TOOLS.forEach(name -> specs.add(spec("tools/" + name + ".json")));
    }
    specs.add(spec(mode == Mode.PLAN ? "tools/finish_plan.json" : "tools/finish_fix.json"));
    return List.copyOf(specs);
  }

  private ToolSpec spec(String path) {
    try {
      var node = json.readTree(resource(path));
      return new ToolSpec(node.path("name").asText(), node.path("description").asText(),
          node.path("parameters").toString());
    } catch (IOException e) {
      throw new UncheckedIOException("tool schema " + path + " is not valid JSON", e);
    }
  }

  /** Replaces {@code {{key}}} placeholders in one pass, so values cannot inject other placeholders. */
  static String fill(String template, Map<String, String> values) {
    StringBuilder out = new StringBuilder();
    int at = 0;
    while (true) {
      int open = template.indexOf("{{", at);
      int close = open < 0 ? -1 : template.indexOf("}}", open);
      if (close < 0) {
        out.append(template, at, template.length());
        return out.toString();
      }
      String key = template.substring(open + 2, close);
      out.append(template, at, open).append(values.getOrDefault(key, template.substring(open, close + 2)));
      at = close + 2;
    }
  }

  private static String resource(String path) {
    try (InputStream in = Prompts.class.getResourceAsStream(path)) {
      if (in == null) {
        throw new IllegalStateException("resource " + path + " is missing from the Aegis jar");
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read resource " + path, e);
    }
  }
}
