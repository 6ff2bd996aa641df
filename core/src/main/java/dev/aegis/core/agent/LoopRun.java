package dev.aegis.core.agent;

import dev.aegis.core.git.Checkout;
import dev.aegis.core.git.Git;
import dev.aegis.core.model.Message;
import dev.aegis.core.model.ModelClient;
import dev.aegis.core.model.ModelException;
import dev.aegis.core.model.ModelReply;
import dev.aegis.core.model.ModelRequest;
import dev.aegis.core.model.ToolCall;
import dev.aegis.core.model.ToolResult;
import dev.aegis.core.model.ToolSpec;
import dev.aegis.core.policy.CommandEnvironment;
import dev.aegis.core.policy.CommandRequest;
import dev.aegis.core.policy.CommandSandbox;
import dev.aegis.core.policy.CommandSpace;
import dev.aegis.core.policy.HostPaths;
import dev.aegis.core.policy.Policy;
import dev.aegis.core.policy.Redactor;
import dev.aegis.core.policy.SandboxSettings;
import dev.aegis.core.policy.Secrets;
import dev.aegis.core.policy.Workspace;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** One run of the loop: ask the model, run its tools, repeat until a typed {@link Stop}. */
final class LoopRun {
  static final int MAX_NUDGES = 2;

  private final ModelClient model;
  private final LoopSettings settings;
  private final EngineTask task;
  private final Redactor redactor;
  private final RunRecords records;
  private final Prompts prompts = new Prompts();
  private final BudgetMeter meter;
  private final Checkout git;
  private final ToolBox tools;
  private final List<ToolSpec> specs;
  private final List<Message> messages = new ArrayList<>();
  private final CommandSpace space;
  private final McpTools mcp;
  private int denials;
  private int nudges;

  LoopRun(ModelClient model, LoopSettings settings, EngineTask task, Secrets secrets, Redactor redactor,
      RunRecords records) {
    this.model = model;
    this.settings = settings;
    this.task = task;
    this.redactor = redactor;
    this.records = records;
    this.meter = new BudgetMeter(task.budget(), settings.clock(), settings.prices().find(model.model()).orElse(null));
    SandboxSettings sandbox = task.policy().sandbox();
    Map<String, String> commandEnv = CommandEnvironment.forCommands(settings.environment(), secrets, sandbox.environment());
    Workspace workspace = Workspace.open(task.workspace(), protectRecords(task));
    this.git = new Checkout(new Git(settings.sandbox().programs(), workspace.root()));
    this.space = CommandSpace.open(HostPaths.of(settings.environment(), sandbox.readPaths(), sandbox.writePaths()));
    FileTools files = new FileTools(workspace, git);
    CommandTools commands = new CommandTools(workspace, settings.sandbox(), commandEnv, space, git, files,
        meter::remaining);
    this.mcp = McpTools.start(settings.mcpServers(), (line, env) -> {
      Map<String, String> serverEnv = new LinkedHashMap<>(commandEnv);
      serverEnv.putAll(env);
      return new CommandRequest(workspace.root(), line, serverEnv, task.budget().maxWallTime(),
          commands.protectedPaths(), space, sandbox.allowUnisolated());
    }, settings.sandbox(), settings.environment(), records, this::say);
    DatabaseTools database = task.database() == null ? null : new DatabaseTools(task.database(), records);
    this.tools = new ToolBox(files, new SearchTool(workspace, files, git, task.policy().maxOutputChars()), commands,
        new FinishTool(task.mode(), redactor, git, commands, files), redactor, task.policy().maxOutputChars(), mcp,
        task.policy().commandTimeout(), database);
    List<ToolSpec> offered = new ArrayList<>(prompts.tools(task.mode(), task.policy().readOnly(), database != null));
    offered.addAll(mcp.specs());
    this.specs = List.copyOf(offered);
  }

  /** Records kept inside the workspace (not advised) are made read-only for the agent. */
  static Policy protectRecords(EngineTask task) {
    Path root = task.workspace().toAbsolutePath().normalize();
    Path records = task.recordsDirectory().toAbsolutePath().normalize();
    if (!records.startsWith(root) || records.equals(root)) {
      return task.policy();
    }
    List<String> globs = new ArrayList<>(task.policy().protectedPaths());
    globs.add(root.relativize(records).toString().replace('\\', '/') + "/**");
    return task.policy().withProtectedPaths(globs);
  }

  EngineResult execute() {
    String system = prompts.system(task.mode(), task.database() != null);
    String guidance = Guidance.read(git, task.baseRef(), prompts);
    messages.add(new Message.User(prompts.task(task.task(), guidance)));
    start(system, !guidance.isEmpty());
    Stop stop;
    Report report = null;
    try {
      Outcome outcome = loop(system);
      stop = outcome.stop;
      report = outcome.report;
    } catch (RuntimeException e) {
      stop = Stop.of(Stop.Reason.INTERNAL_ERROR, redactor.redact(e.getClass().getSimpleName() + ": " + e.getMessage()));
    } finally {
      mcp.close();
      space.close();
    }
    return finish(stop, report);
  }

  private void start(String system, boolean guidance) {
    Map<String, Object> facts = new LinkedHashMap<>();
    facts.put("mode", task.mode().name());
    facts.put("model", model.model());
    facts.put("workspace", task.workspace().toString());
    facts.put("read_only", task.policy().readOnly());
    facts.put("isolation", settings.sandbox().isolation().name());
    facts.put("isolation_detail", settings.sandbox().describe());
    facts.put("guidance_from", guidance ? (task.baseRef() == null ? "HEAD" : task.baseRef()) : "none");
    facts.put("database", task.database() == null ? "none" : task.database().display() + " (read-only)");
    records.start(facts, system, task.task());
    say("model " + model.model() + ", " + task.mode().name().toLowerCase(java.util.Locale.ROOT) + " mode"
        + (task.policy().readOnly() ? ", read-only" : ""));
    say("command isolation: " + settings.sandbox().describe());
    if (task.database() != null) {
      say("production context: sql_query and describe_schema on " + task.database().display()
          + " (read-only, rolled back, row cap, timeout, masked columns)");
    }
    if (settings.sandbox().isolation() == CommandSandbox.Isolation.NONE) {
      say(task.policy().sandbox().allowUnisolated()
          ? "commands run WITHOUT isolation, as the configuration allows (sandbox.allow-unisolated: true)"
          : "commands are refused: they cannot be isolated here, and sandbox.allow-unisolated is not set");
    }
    Budget b = task.budget();
    say("bounds: " + b.maxSteps() + " steps, " + b.maxTokens() + " tokens, "
        + (meter.priced() ? String.format(java.util.Locale.ROOT, "$%.2f", b.maxDollars())
            : "no dollar limit (model not priced)")
        + ", " + b.maxWallTime().toMinutes() + " minutes");
    if (!meter.priced()) {
      say("no price for " + model.model() + " in the price table: cost unknown, dollar budget not enforced; set "
          + "model-price.input and model-price.output (USD per million tokens) in .aegis/config.yml to enforce it");
    }
  }

  private Outcome loop(String system) {
    while (true) {
      Optional<Stop> over = meter.exceeded();
      if (over.isPresent()) {
        return new Outcome(over.get(), null);
      }
      int chars = contextChars(system);
      if (chars > settings.maxContextChars()) {
        return new Outcome(Stop.of(Stop.Reason.CONTEXT_TOO_LARGE, chars + " characters of conversation"), null);
      }
      int step = meter.steps() + 1;
      records.request(step, messages.size(), chars);
      ModelReply reply;
      try {
        reply = model.send(new ModelRequest(system, messages, specs, settings.maxOutputTokens()));
      } catch (ModelException e) {
        return new Outcome(Stop.model(e), null);
      }
      meter.record(reply.usage());
      records.reply(step, reply);
      messages.add(new Message.Assistant(reply.text(), reply.toolCalls()));
      Outcome outcome = reply.toolCalls().isEmpty() ? noTools(step) : runTools(step, reply.toolCalls());
      if (outcome != null) {
        return outcome;
      }
    }
  }

  private Outcome noTools(int step) {
    if (++nudges > MAX_NUDGES) {
      return new Outcome(Stop.of(Stop.Reason.NO_FINISH,
          "the model ended " + nudges + " turns in a row without a tool call"), null);
    }
    say("step " + step + ": no tool call; asking the model to continue or finish");
    messages.add(new Message.User(prompts.nudge()));
    return null;
  }

  private Outcome runTools(int step, List<ToolCall> calls) {
    nudges = 0;
    List<ToolResult> results = new ArrayList<>();
    for (ToolCall call : calls) {
      say("step " + step + ": " + call.name() + " " + Text.cap(redactor.redact(call.arguments()), 160)
          .replace('\n', ' '));
      ToolOutcome outcome = tools.execute(call);
      records.tool(step, call, outcome);
      if (outcome.report() != null) {
        return new Outcome(Stop.finished(), outcome.report());
      }
      if (outcome.denied()) {
        denials++;
        say("step " + step + ": " + outcome.content());
      }
      results.add(new ToolResult(call.id(), call.name(), outcome.content(), outcome.error()));
    }
    messages.add(new Message.ToolResults(results));
    if (denials >= task.policy().maxDenials()) {
      return new Outcome(Stop.of(Stop.Reason.POLICY_DENIED, denials + " refused tool calls"), null);
    }
    return null;
  }

  private EngineResult finish(Stop stop, Report report) {
    Map<String, Object> end = new LinkedHashMap<>();
    end.put("stop", stop.reason().name());
    end.put("budget", stop.budget() == null ? "" : stop.budget().name());
    end.put("detail", stop.detail());
    end.put("steps", meter.steps());
    end.put("usage", RunRecords.usage(meter.usage()));
    end.put("cost_dollars", meter.cost());
    end.put("saved_dollars", meter.saved());
    end.put("priced", meter.priced());
    end.put("report", report == null ? Map.of() : report);
    String hash = records.end(end);
    EngineResult result = new EngineResult(redacted(stop), report, meter.steps(), meter.usage(), meter.cost(),
        meter.priced(), records.transcriptFile(), records.auditFile(), hash,
        settings.sandbox().describe(), meter.saved());
    say("stopped: " + result.stop().reason() + " after " + meter.steps() + " steps; tokens in "
        + meter.usage().inputTokens() + (result.cacheText().isEmpty() ? "" : " (" + result.cacheText() + ")") + ", out "
        + meter.usage().outputTokens() + "; cost " + result.costText());
    return result;
  }

  private Stop redacted(Stop stop) {
    return new Stop(stop.reason(), stop.budget(), stop.modelError(), redactor.redact(stop.detail()));
  }

  private int contextChars(String system) {
    int chars = system.length();
    for (Message message : messages) {
      chars += message.toString().length();
    }
    return chars;
  }

  private void say(String line) {
    settings.progress().line(redactor.redact(line));
  }

  private record Outcome(Stop stop, Report report) {}
}
