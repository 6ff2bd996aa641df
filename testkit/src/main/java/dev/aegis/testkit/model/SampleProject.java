package dev.aegis.testkit.model;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * A tiny POSIX-shell project in a real git repository, with a real failing test: {@code add} subtracts, and
 * {@code sh test.sh} says so. {@link #FIX_SCRIPT} is a model script that fixes it.
 */
public final class SampleProject {
  public static final String CALC = """
      #!/bin/sh
      # add A B: prints the sum of A and B
      add() {
        echo $(( $1 - $2 ))
      }
      """;
  public static final String TEST = """
      #!/bin/sh
      . ./src/calc.sh
      got=$(add 2 3)
      if [ "$got" = "5" ]; then echo "PASS add"; exit 0; fi
      echo "FAIL add: expected 5, got $got"
      exit 1
      """;

  /** A model script that investigates the project: list, read, test (fails), finish with a low-risk RCA. */
  public static final String PLAN_SCRIPT = """
      {"steps": [
        {"text": "Let me look around.", "toolCalls": [{"name": "list_files", "arguments": {}}]},
        {"expectToolResultContains": "src/calc.sh",
         "toolCalls": [{"name": "read_file", "arguments": {"path": "src/calc.sh"}}]},
        {"expectToolResultContains": "4|   echo $(( $1 - $2 ))",
         "toolCalls": [{"name": "run_command", "arguments": {"command": "sh test.sh"}}]},
        {"expectToolResultContains": "FAIL add: expected 5, got -1",
         "text": "Reproduced.",
         "toolCalls": [{"name": "finish", "arguments": {
           "summary": "add 2 3 prints -1: add() subtracts its arguments.",
           "root_cause": "add() in src/calc.sh computes $1 - $2 instead of $1 + $2.",
           "evidence": [{"file": "src/calc.sh", "line": 4, "note": "the subtraction"}],
           "fix_plan": "Replace - with + in add(); nothing else.",
           "test_plan": "test.sh already checks add 2 3 = 5; run sh test.sh.",
           "risk": "low"}}]}
      ]}
      """;

  /** A model script that fixes the project: list, search, read, test (fails), edit, test (passes), diff, finish. */
  public static final String FIX_SCRIPT = """
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

  private SampleProject() {}

  /** Creates the project in {@code dir} and commits it. */
  public static Path create(Path dir) throws IOException, InterruptedException {
    Files.createDirectories(dir.resolve("src"));
    Files.createDirectories(dir.resolve(".github/workflows"));
    Files.writeString(dir.resolve("src/calc.sh"), CALC);
    Files.writeString(dir.resolve("test.sh"), TEST);
    Files.writeString(dir.resolve("README.md"), "Sample calculator.\n");
    Files.writeString(dir.resolve(".gitignore"), "build/\n");
    Files.createDirectories(dir.resolve("build"));
    Files.writeString(dir.resolve("build/ignored.txt"), "add() in an ignored file\n");
    Files.writeString(dir.resolve(".github/workflows/ci.yml"), "on: push\n");
    git(dir, "init", "-q", "-b", "main");
    git(dir, "add", "-A");
    git(dir, "commit", "-q", "-m", "sample");
    return dir;
  }

  public static String git(Path dir, String... args) throws IOException, InterruptedException {
    List<String> argv = new ArrayList<>(List.of("git", "-c", "user.name=Test", "-c", "user.email=test@example.com",
        "-c", "commit.gpgsign=false"));
    argv.addAll(List.of(args));
    ProcessBuilder builder = new ProcessBuilder(argv).directory(dir.toFile()).redirectErrorStream(true);
    Process process = builder.start();
    String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    if (process.waitFor() != 0) {
      throw new IOException("git " + String.join(" ", args) + " failed: " + out);
    }
    return out;
  }

  /** The environment the host hands over in tests: a working PATH and HOME plus the given extras. */
  public static Map<String, String> environment(Map<String, String> extra) {
    java.util.HashMap<String, String> env = new java.util.HashMap<>();
    env.put("PATH", System.getenv().getOrDefault("PATH", "/usr/bin:/bin"));
    env.put("HOME", System.getProperty("java.io.tmpdir"));
    env.put("LANG", "C.UTF-8");
    env.putAll(extra);
    return Map.copyOf(env);
  }
}
