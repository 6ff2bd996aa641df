package dev.aegis.core.agent;

import dev.aegis.core.model.ModelClient;
import dev.aegis.core.model.ModelClients;
import dev.aegis.core.model.ModelSettings;
import dev.aegis.core.policy.CommandSandbox;
import dev.aegis.core.policy.Policy;
import dev.aegis.core.policy.Secrets;
import dev.aegis.testkit.model.SampleProject;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Runs the loop on a fresh {@link SampleProject} with an in-process scripted model. */
final class Harness {
  static final CommandSandbox SANDBOX = FullLoopOverHttpTest.SANDBOX;

  final Path temp;
  final Path workspace;
  final Path records;
  final List<String> progress = new ArrayList<>();
  Map<String, String> environment = SampleProject.environment(Map.of());
  Policy policy = Policy.defaults();
  Budget budget = Budget.defaults();
  Secrets secrets = Secrets.none();
  Mode mode = Mode.PLAN;
  String baseRef;
  dev.aegis.core.production.ProductionDatabase database;

  Harness(Path temp) throws IOException, InterruptedException {
    this.temp = temp;
    this.workspace = SampleProject.create(temp.resolve("repo"));
    this.records = temp.resolve("records");
  }

  LoopSettings settings() {
    return LoopSettings.of(environment, SANDBOX, progress::add);
  }

  EngineResult run(String script) throws IOException {
    return run(script, settings());
  }

  EngineResult runFix(String script) throws IOException {
    mode = Mode.FIX;
    return run(script);
  }

  EngineResult run(String script, LoopSettings settings) throws IOException {
    Path file = Files.writeString(temp.resolve("script-" + System.nanoTime() + ".json"), script);
    ModelClient model = ModelClients.create("scripted/" + file, ModelSettings.of(Map.of()));
    return run(model, settings);
  }

  EngineResult run(ModelClient model, LoopSettings settings) {
    return Engines.loop(model, settings).run(new EngineTask(workspace, mode, "add(2, 3) prints -1", policy, budget,
        records, baseRef, secrets, database));
  }

  String transcript() throws IOException {
    return Files.readString(records.resolve("transcript.jsonl"));
  }

  String audit() throws IOException {
    return Files.readString(records.resolve("audit.jsonl"));
  }

  static final String FINISH_PLAN = """
      {"name": "finish", "arguments": {"summary": "add subtracts", "root_cause": "uses - instead of +",
        "evidence": [{"file": "src/calc.sh", "line": 4, "note": "the subtraction"}],
        "fix_plan": "use +", "test_plan": "sh test.sh", "risk": "low"}}
      """;
}
