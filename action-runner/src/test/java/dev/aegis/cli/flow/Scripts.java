package dev.aegis.cli.flow;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.aegis.testkit.model.SampleProject;
import java.io.UncheckedIOException;
import java.util.Map;

/** Model scripts for the calc sample (format: docs/model-scripts.md). */
final class Scripts {
  static final String PLAN = SampleProject.PLAN_SCRIPT;
  static final String FIX = SampleProject.FIX_SCRIPT;
  /** A fix that compiles but is wrong: {@code add} multiplies, so {@code sh test.sh} still fails. */
  static final String WRONG_FIX = """
      {"steps": [
        {"toolCalls": [{"name": "edit_file",
                        "arguments": {"path": "src/calc.sh", "old_text": "$1 - $2", "new_text": "$1 * $2"}}]},
        {"expectToolResultContains": "edited src/calc.sh",
         "toolCalls": [{"name": "finish", "arguments": {"summary": "add now multiplies.", "test_command": "sh test.sh"}}]}
      ]}
      """;

  private static final ObjectMapper JSON = new ObjectMapper();
  /** A fix and its regression test: add() adds, and test.sh also checks a negative operand. */
  static final String FIX_WITH_TEST = fixWithRegressionTest();

  private Scripts() {}

  private static String fixWithRegressionTest() {
    ObjectNode root = JSON.createObjectNode();
    ArrayNode steps = root.putArray("steps");
    call(steps.addObject().put("text", "Fixing add() and adding a regression check."), "edit_file",
        Map.of("path", "src/calc.sh", "old_text", "$1 - $2", "new_text", "$1 + $2"));
    call(steps.addObject().put("expectToolResultContains", "edited src/calc.sh"), "edit_file",
        Map.of("path", "test.sh", "old_text", ". ./src/calc.sh\n", "new_text", ". ./src/calc.sh\n"
            + "if [ \"$(add -2 3)\" != \"1\" ]; then echo \"FAIL add with a negative\"; exit 1; fi\n"
            + "echo \"PASS add with a negative\"\n"));
    call(steps.addObject().put("expectToolResultContains", "edited test.sh"), "run_command",
        Map.of("command", "sh test.sh"));
    call(steps.addObject().put("expectToolResultContains", "PASS add with a negative"), "finish",
        Map.of("summary", "add() added nothing: it subtracted. It now adds; test.sh also checks a negative operand.",
            "test_command", "sh test.sh"));
    return root.toString();
  }

  private static void call(ObjectNode step, String tool, Map<String, String> arguments) {
    ObjectNode call = step.putArray("toolCalls").addObject().put("name", tool);
    ObjectNode args = call.putObject("arguments");
    arguments.forEach(args::put);
  }

  /** One script whose steps are those of {@code scripts}, in order: one model serving several agent runs. */
  static String concat(String... scripts) {
    ObjectNode root = JSON.createObjectNode();
    ArrayNode steps = root.putArray("steps");
    try {
      for (String s : scripts) {
        steps.addAll((ArrayNode) JSON.readTree(s).path("steps"));
      }
    } catch (JsonProcessingException e) {
      throw new UncheckedIOException(e);
    }
    return root.toString();
  }
}
