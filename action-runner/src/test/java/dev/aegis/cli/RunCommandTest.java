package dev.aegis.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.aegis.testkit.model.SampleProject;
import dev.aegis.testkit.model.ScriptedModelServer;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** {@code aegis run} and {@code aegis audit verify} end to end through picocli, against a scripted model. */
class RunCommandTest {
  static final String KEY = "sk-cli-test-key-31337";

  @TempDir Path temp;
  final StringWriter out = new StringWriter();
  final StringWriter err = new StringWriter();

  private CommandLine main() {
    return Main.commandLine(new CliContext(SampleProject.environment(Map.of()), System.out, System.err,
        Path.of("").toAbsolutePath(), () -> {
          throw new AssertionError("run and audit do not use the host entry");
        }));
  }

  private int execute(Object command, String... args) {
    CommandLine cli = command instanceof CommandLine line ? line : new CommandLine(command);
    cli.setOut(new PrintWriter(out, true));
    cli.setErr(new PrintWriter(err, true));
    return cli.execute(args);
  }

  private Map<String, String> environment(Map<String, String> extra) {
    Map<String, String> env = new HashMap<>(SampleProject.environment(Map.of()));
    env.putAll(extra);
    return env;
  }

  @Test
  void runDrivesAnOpenAiFormatModelThroughARealFixAndTheAuditVerifies() throws Exception {
    runFixOverHttp("openai/gpt-5.5", server -> Map.of("OPENAI_API_KEY", KEY, "OPENAI_BASE_URL",
        server.openAiBaseUrl()));
  }

  @Test
  void runDrivesAnAnthropicFormatModelThroughARealFixAndTheAuditVerifies() throws Exception {
    runFixOverHttp("anthropic/claude-sonnet-4-6", server -> Map.of("ANTHROPIC_API_KEY", KEY, "ANTHROPIC_BASE_URL",
        server.baseUrl()));
  }

  private void runFixOverHttp(String model, java.util.function.Function<ScriptedModelServer, Map<String, String>> env)
      throws Exception {
    Path repo = SampleProject.create(temp.resolve("repo"));
    Path records = temp.resolve("records");
    try (ScriptedModelServer server = ScriptedModelServer.start(SampleProject.FIX_SCRIPT)) {
      int code = execute(new RunCommand(environment(env.apply(server))), "--workspace", repo.toString(),
          "--prompt", "add(2, 3) prints -1", "--mode", "fix", "--model", model, "--records", records.toString());

      assertThat(server.failures()).isEmpty();
      assertThat(code).as(out + "\n" + err).isEqualTo(ExitCodes.OK);
      assertThat(out.toString()).contains("step 4: run_command", "outcome: FINISHED (FINISHED)", "`src/calc.sh`",
          "**Test:** `sh test.sh` passed", "cost: $0.0").doesNotContain(KEY);
      assertThat(Files.readString(repo.resolve("src/calc.sh"))).contains("$(( $1 + $2 ))");
    }
    String hash = finalHash(out.toString());
    out.getBuffer().setLength(0);
    int verify = execute(main(), "audit", "verify", records.resolve("audit.jsonl").toString(), "--expect-hash", hash);
    assertThat(verify).as(err.toString()).isEqualTo(ExitCodes.OK);
    assertThat(out.toString()).startsWith("OK: ");
  }

  @Test
  void runThroughMainWithAnInProcessScriptNeedsNoNetworkAndPrintsTheRca() throws Exception {
    Path repo = SampleProject.create(temp.resolve("repo"));
    Path script = Files.writeString(temp.resolve("plan.json"), """
        {"steps": [
          {"toolCalls": [{"name": "read_file", "arguments": {"path": "src/calc.sh"}}]},
          {"expectToolResultContains": "$1 - $2", "toolCalls": [{"name": "finish", "arguments": {
            "summary": "add subtracts", "root_cause": "uses - instead of +",
            "evidence": [{"file": "src/calc.sh", "line": 4, "note": "the subtraction"}],
            "fix_plan": "use +", "test_plan": "sh test.sh", "risk": "low"}}]}
        ]}""");
    int code = execute(main(), "run", "--workspace", repo.toString(), "--prompt", "add is wrong",
        "--model", "scripted/" + script, "--records", temp.resolve("records").toString());
    assertThat(code).as(out + "\n" + err).isEqualTo(ExitCodes.OK);
    assertThat(out.toString()).contains("### Root-cause analysis", "`src/calc.sh:4`: the subtraction",
        "read-only", "command isolation:");
  }

  @Test
  void withoutRecordsTheRunWritesUnderAegisRecordsDirAsEveryOtherCommandDoes() throws Exception {
    Path repo = SampleProject.create(temp.resolve("repo"));
    Path script = Files.writeString(temp.resolve("s.json"), "{\"steps\":[{\"toolCalls\":[{\"name\":\"list_files\"}]},"
        + "{\"text\":\"done\",\"times\":0}]}");
    Path records = temp.resolve("records-dir");
    Map<String, String> env = environment(Map.of("AEGIS_RECORDS_DIR", records.toString()));
    CommandLine cli = Main.commandLine(new CliContext(env, System.out, System.err, Path.of("").toAbsolutePath(), () -> {
      throw new AssertionError("run does not use the host entry");
    }));

    execute(cli, "run", "--workspace", repo.toString(), "--prompt", "p", "--model", "scripted/" + script);

    try (var runs = Files.list(records)) {
      assertThat(runs.toList()).singleElement().satisfies(run -> {
        assertThat(run.getFileName().toString()).startsWith("run-");
        assertThat(run.resolve("transcript.jsonl")).isRegularFile();
        assertThat(run.resolve("audit.jsonl")).isRegularFile();
        assertThat(out.toString()).contains("transcript: " + run.resolve("transcript.jsonl"));
      });
    }
  }

  @Test
  void runHelpDescribesEveryOption() {
    CommandLine run = main().getSubcommands().get("run");
    StringWriter help = new StringWriter();
    run.usage(new PrintWriter(help));

    assertThat(run.getCommandSpec().options()).allSatisfy(option -> {
      assertThat(String.join(" ", option.description())).as(option.longestName()).isNotBlank();
      assertThat(help.toString()).contains(option.longestName());
    });
    assertThat(help.toString()).contains("--max-steps=N", "model calls", "--max-dollars=USD", "AEGIS_RECORDS_DIR");
  }

  @Test
  void aTamperedAuditLogFailsVerificationWithItsOwnExitCode() throws Exception {
    Path repo = SampleProject.create(temp.resolve("repo"));
    Path script = Files.writeString(temp.resolve("s.json"), "{\"steps\":[{\"toolCalls\":[{\"name\":\"list_files\"}]},"
        + "{\"text\":\"done\",\"times\":0}]}");
    Path records = temp.resolve("records");
    int code = execute(main(), "run", "--workspace", repo.toString(), "--prompt", "p", "--model",
        "scripted/" + script, "--records", records.toString());
    assertThat(code).isEqualTo(ExitCodes.BLOCKED);
    assertThat(out.toString()).contains("outcome: BLOCKED (NO_FINISH)");

    Path audit = records.resolve("audit.jsonl");
    List<String> lines = Files.readAllLines(audit);
    lines.set(1, lines.get(1).replace("list_files", "read_file"));
    Files.write(audit, lines);
    assertThat(execute(main(), "audit", "verify", audit.toString())).isEqualTo(ExitCodes.AUDIT_BROKEN);
    assertThat(err.toString()).contains("BROKEN at line 2");
  }

  @Test
  void aMissingKeyIsAConfigErrorThatNamesTheVariable() throws Exception {
    Path repo = SampleProject.create(temp.resolve("repo"));
    int code = execute(new RunCommand(environment(Map.of())), "--workspace", repo.toString(), "--prompt", "p",
        "--model", "openai/gpt-5.5");
    assertThat(code).isEqualTo(ExitCodes.CONFIG);
    assertThat(err.toString()).contains("OPENAI_API_KEY is not set");
  }

  @Test
  void aRefusedKeyExitsWithTheAuthCode() throws Exception {
    Path repo = SampleProject.create(temp.resolve("repo"));
    try (ScriptedModelServer server = ScriptedModelServer.start("{\"steps\":[{\"status\":401}]}")) {
      int code = execute(new RunCommand(environment(Map.of("OPENAI_API_KEY", KEY, "OPENAI_BASE_URL",
          server.openAiBaseUrl()))), "--workspace", repo.toString(), "--prompt", "p", "--model", "openai/m",
          "--records", temp.resolve("r").toString());
      assertThat(code).isEqualTo(ExitCodes.AUTH);
      assertThat(out.toString()).contains("OPENAI_API_KEY was refused (401)").doesNotContain(KEY);
    }
  }

  private static String finalHash(String output) {
    Matcher m = Pattern.compile("final hash ([0-9a-f]{64})").matcher(output);
    assertThat(m.find()).as(output).isTrue();
    return m.group(1);
  }

  @Test
  void anUnknownAgentIsABadInputAndAKnownOneWithoutItsKeyIsAConfigurationError() throws Exception {
    Path repo = SampleProject.create(temp.resolve("repo"));
    int bad = execute(new RunCommand(environment(Map.of())), "--workspace", repo.toString(), "--prompt", "x",
        "--agent", "cursor");
    assertThat(bad).isEqualTo(ExitCodes.USAGE);
    assertThat(err.toString()).contains("--agent must be builtin, claude-code, codex, gemini or acp:<command line>");
    int noKey = execute(new RunCommand(environment(Map.of("AEGIS_AGENT", "codex"))), "--workspace",
        repo.toString(), "--prompt", "x", "--records", temp.resolve("records").toString());
    assertThat(noKey).isEqualTo(ExitCodes.CONFIG);
    assertThat(out.toString()).contains("agent codex (codex-acp)", "needs its provider key in OPENAI_API_KEY");
  }
}
