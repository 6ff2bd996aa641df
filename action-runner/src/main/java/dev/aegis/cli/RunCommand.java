package dev.aegis.cli;

import dev.aegis.core.agent.AgentSpec;
import dev.aegis.core.agent.Budget;
import dev.aegis.core.agent.EngineResult;
import dev.aegis.core.agent.EngineTask;
import dev.aegis.core.agent.Engines;
import dev.aegis.core.agent.LoopSettings;
import dev.aegis.core.agent.Mode;
import dev.aegis.core.agent.ReportMarkdown;
import dev.aegis.core.host.RecordsDirectory;
import dev.aegis.core.model.ModelClient;
import dev.aegis.core.model.ModelClients;
import dev.aegis.core.model.ModelException;
import dev.aegis.core.model.ModelSettings;
import dev.aegis.core.model.PriceTable;
import dev.aegis.core.policy.CommandSandbox;
import dev.aegis.core.policy.Programs;
import dev.aegis.core.policy.Policy;
import dev.aegis.core.policy.SandboxSettings;
import dev.aegis.core.policy.Secrets;
import dev.aegis.core.text.UntrustedText;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code aegis run}: runs the agent engine on a workspace with a free-form prompt and prints the result. */
@Command(name = "run", mixinStandardHelpOptions = true,
    description = "Run the agent on a workspace with a prompt; prints progress, the report and the cost.")
public final class RunCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Option(names = "--workspace", paramLabel = "DIR", defaultValue = ".", description = "The repository (default: .).")
  Path workspace;

  @Option(names = "--prompt", paramLabel = "TEXT", required = true, description = "What to investigate or fix.")
  String prompt;

  @Option(names = "--mode", paramLabel = "plan|fix", defaultValue = "plan", description = "plan (default) or fix.")
  String mode;

  @Option(names = "--model", paramLabel = "PROVIDER/MODEL",
      description = "openai/..., openai-responses/..., anthropic/..., openai-compatible/..., scripted/... "
          + "(default: $AEGIS_MODEL or openai/gpt-5.5).")
  String model;

  @Option(names = "--agent", paramLabel = "AGENT",
      description = "builtin (Aegis's loop over --model), claude-code, codex, gemini or acp:<command line>"
          + " (default: $AEGIS_AGENT or builtin).")
  String agent;

  @Option(names = "--base-url", paramLabel = "URL", description = "Model API base URL (wins over the environment).")
  String baseUrl;

  @Option(names = "--records", paramLabel = "DIR",
      description = "Where transcript.jsonl and audit.jsonl go (default: a new folder run-<time> under "
          + "AEGIS_RECORDS_DIR, else $RUNNER_TEMP/aegis-records, else aegis-records in the temp directory).")
  Path records;

  @Option(names = "--base-ref", paramLabel = "REF", description = "Git ref AGENTS.md is read from (default: HEAD).")
  String baseRef;

  @Option(names = "--read-only", arity = "0..1", paramLabel = "true|false",
      description = "Refuse file edits (default: true in plan mode, false in fix mode).")
  Boolean readOnly;

  @Option(names = "--protect", paramLabel = "GLOB", description = "Extra read-only paths (repeatable).")
  List<String> protect = new ArrayList<>();

  @Option(names = "--max-steps", paramLabel = "N", defaultValue = "40",
      description = "Budget: model calls before the run stops (default: ${DEFAULT-VALUE}).")
  int maxSteps;

  @Option(names = "--max-tokens", paramLabel = "N", defaultValue = "2000000",
      description = "Budget: input plus output tokens over the whole run (default: ${DEFAULT-VALUE}).")
  long maxTokens;

  @Option(names = "--max-dollars", paramLabel = "USD", defaultValue = "5",
      description = "Budget: model spend in dollars, priced from the price table; a model it has no price for is "
          + "not capped by it (default: ${DEFAULT-VALUE}).")
  double maxDollars;

  @Option(names = "--max-minutes", paramLabel = "N", defaultValue = "30",
      description = "Budget: wall time of the whole run in minutes (default: ${DEFAULT-VALUE}).")
  long maxMinutes;

  @Option(names = "--command-timeout-seconds", paramLabel = "N", defaultValue = "300",
      description = "Longest one command the agent runs may take, in seconds (default: ${DEFAULT-VALUE}).")
  long commandTimeout;

  @Option(names = "--prices", paramLabel = "FILE", description = "A price table overriding the bundled one.")
  Path prices;

  @Option(names = "--allow-unisolated", description = "Run the agent's commands even where they cannot be isolated"
      + " (no Linux namespaces here). RISK: they can then read this shell's environment (tokens, keys) and"
      + " write outside the workspace.")
  boolean allowUnisolated;

  private final Map<String, String> environment;

  /** The CLI's constructor: the process environment from the context. */
  RunCommand(CliContext ctx) {
    this(ctx.env());
  }

  RunCommand(Map<String, String> environment) {
    this.environment = Map.copyOf(environment);
  }

  @Override
  public Integer call() {
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    Mode runMode = parseMode();
    if (runMode == null || !Files.isDirectory(workspace)) {
      err.println(runMode == null ? "--mode must be plan or fix" : "--workspace " + workspace + " is not a directory");
      return ExitCodes.USAGE;
    }
    AgentSpec agentSpec;
    try {
      agentSpec = AgentSpec.parse(agent != null ? agent : environment.getOrDefault("AEGIS_AGENT", AgentSpec.BUILTIN));
    } catch (IllegalArgumentException e) {
      err.println("--agent " + e.getMessage());
      return ExitCodes.USAGE;
    }
    Path recordsDir = records != null ? records : defaultRecords(environment);
    if (!agentSpec.isBuiltin()) {
      LoopSettings acp = LoopSettings.of(environment, CommandSandbox.detect(Programs.find()),
          line -> out.println("  " + line));
      EngineResult result = Engines.acp(agentSpec, acp).run(task(runMode, recordsDir));
      print(out, result);
      return ExitCodes.of(result.outcome());
    }
    String providerModel = model != null ? model : environment.getOrDefault("AEGIS_MODEL", "openai/gpt-5.5");
    ModelClient client;
    try {
      client = ModelClients.create(providerModel, ModelSettings.of(environment).withBaseUrl(baseUrl)
          .withScriptDirectory(Path.of("").toAbsolutePath()));
    } catch (ModelException e) {
      err.println(e.getMessage());
      return ExitCodes.CONFIG;
    }
    LoopSettings settings = LoopSettings.of(environment, CommandSandbox.detect(Programs.find()), line -> out.println("  " + line));
    if (prices != null) {
      try {
        settings = settings.withPrices(PriceTable.withOverrides(prices));
      } catch (java.io.UncheckedIOException e) {
        err.println(e.getMessage());
        return ExitCodes.CONFIG;
      }
    }
    EngineResult result = Engines.loop(client, settings).run(task(runMode, recordsDir));
    print(out, result);
    return ExitCodes.of(result.outcome());
  }

  private EngineTask task(Mode runMode, Path recordsDir) {
    boolean ro = readOnly != null ? readOnly : runMode == Mode.PLAN;
    Policy policy = Policy.defaults().withReadOnly(ro).withProtectedPaths(protect)
        .withCommandTimeout(Duration.ofSeconds(Math.max(1, commandTimeout)))
        .withSandbox(SandboxSettings.defaults().withAllowUnisolated(allowUnisolated));
    Budget budget = new Budget(maxSteps, maxTokens, maxDollars, Duration.ofMinutes(maxMinutes));
    Secrets secrets = Secrets.fromEnvironment(environment, List.of(), List.of());
    return new EngineTask(workspace.toAbsolutePath(), runMode, UntrustedText.clean(prompt), policy, budget,
        recordsDir.toAbsolutePath(), baseRef, secrets);
  }

  private void print(PrintWriter out, EngineResult result) {
    out.println();
    out.println(ReportMarkdown.render(result));
    out.println("outcome: " + result.outcome() + " (" + result.stop().reason() + ")");
    if (result.report() == null) {
      out.println(result.stop().explain());
    }
    out.println("cost: " + result.costText() + ", tokens in " + result.usage().inputTokens() + ", out "
        + result.usage().outputTokens() + ", steps " + result.steps());
    out.println("transcript: " + result.transcript());
    out.println("audit log: " + result.auditLog() + " (final hash " + result.auditFinalHash() + ")");
    out.println("verify with: aegis audit verify " + result.auditLog() + " --expect-hash " + result.auditFinalHash());
    out.flush();
  }

  private Mode parseMode() {
    return switch (mode.trim().toLowerCase(java.util.Locale.ROOT)) {
      case "plan" -> Mode.PLAN;
      case "fix" -> Mode.FIX;
      default -> null;
    };
  }

  /** A new folder under the records directory every command uses ({@code AEGIS_RECORDS_DIR} first). */
  static Path defaultRecords(Map<String, String> environment) {
    String stamp = LocalDateTime.now().format(DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss-SSS"));
    return RecordsDirectory.of(environment).resolve("run-" + stamp);
  }
}
