package dev.aegis.cli.flow;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.aegis.testkit.model.SampleProject;
import java.io.UncheckedIOException;

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

  private Scripts() {}

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
