package dev.aegis.core.agent;

/** The script of a model that fixes {@link SampleProject}: list, search, read, test (fails), edit, test, diff. */
final class FixScript {
  private FixScript() {}

  static final String JSON = """
      {"steps": [
        {"text": "Let me look around.", "toolCalls": [{"name": "list_files", "arguments": {}}]},
        {"expectToolResultContains": "src/calc.sh",
         "toolCalls": [{"name": "search", "arguments": {"pattern": "add\\\\(\\\\)"}}]},
        {"expectToolResultContains": "src/calc.sh:3: add() {",
         "toolCalls": [{"name": "read_file", "arguments": {"path": "src/calc.sh"}}]},
        {"expectToolResultContains": "4|   echo $(( $1 - $2 ))",
         "toolCalls": [{"name": "run_command", "arguments": {"command": "sh test.sh"}}]},
        {"expectToolResultContains": "FAIL add: expected 5, got -1",
         "toolCalls": [{"name": "edit_file",
                        "arguments": {"path": "src/calc.sh", "old_text": "$1 - $2", "new_text": "$1 + $2"}}]},
        {"expectToolResultContains": "edited src/calc.sh at line 4",
         "toolCalls": [{"name": "run_command", "arguments": {"command": "sh test.sh"}}]},
        {"expectToolResultContains": "PASS add",
         "toolCalls": [{"name": "git_diff", "arguments": {}}]},
        {"expectToolResultContains": "+  echo $(( $1 + $2 ))",
         "text": "The fix is in.",
         "toolCalls": [{"name": "finish", "arguments": {
           "summary": "add subtracted its arguments; it now adds them.",
           "test_command": "sh test.sh"}}]}
      ]}
      """;
}
