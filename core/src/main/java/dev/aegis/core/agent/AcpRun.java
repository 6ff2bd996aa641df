package dev.aegis.core.agent;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.aegis.core.acp.AcpConnection;
import dev.aegis.core.acp.AcpException;
import dev.aegis.core.acp.McpFinishServer;
import dev.aegis.core.agent.ToolArgs.ToolError;
import dev.aegis.core.git.Checkout;
import dev.aegis.core.git.Git;
import dev.aegis.core.model.ModelException;
import dev.aegis.core.model.Usage;
import dev.aegis.core.policy.CommandEnvironment;
import dev.aegis.core.policy.CommandRequest;
import dev.aegis.core.policy.CommandSpace;
import dev.aegis.core.policy.HostPaths;
import dev.aegis.core.policy.LiveCommand;
import dev.aegis.core.policy.PolicyException;
import dev.aegis.core.policy.Redactor;
import dev.aegis.core.policy.SandboxSettings;
import dev.aegis.core.policy.Secrets;
import dev.aegis.core.policy.Workspace;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicReference;

/**
 * One run of an external agent over ACP: start it in the command sandbox with its own environment,
 * {@code initialize} (protocol version 1), {@code session/new}, one {@code session/prompt} (plus one retry
 * when the report is unreadable), watching the budget while it works; {@code session/cancel} and then a kill
 * on a stop. The agent and everything it started are gone when this returns.
 */
final class AcpRun {
  static final int PROTOCOL_VERSION = 1;
  static final Duration HANDSHAKE = Duration.ofSeconds(60);
  static final Duration CANCEL_GRACE = Duration.ofSeconds(3);
  private static final Duration POLL = Duration.ofMillis(100);

  private final AgentSpec spec;
  private final LoopSettings settings;
  private final EngineTask task;
  private final Secrets secrets;
  private final Redactor redactor;
  private final RunRecords records;
  private final Prompts prompts = new Prompts();
  private final Workspace workspace;
  private final Checkout git;
  private final CommandSpace space;
  private final FileTools files;
  private final CommandTools commands;
  private final AcpReport reports;
  private final Instant start;
  private Usage usage = Usage.ZERO;

  AcpRun(AgentSpec spec, LoopSettings settings, EngineTask task, Secrets secrets, Redactor redactor,
      RunRecords records) {
    this.spec = spec;
    this.settings = settings;
    this.task = task;
    this.secrets = secrets;
    this.redactor = redactor;
    this.records = records;
    this.start = settings.clock().instant();
    SandboxSettings sandbox = task.policy().sandbox();
    this.workspace = Workspace.open(task.workspace(), LoopRun.protectRecords(task));
    this.git = new Checkout(new Git(settings.sandbox().programs(), workspace.root()));
    this.space = CommandSpace.open(HostPaths.of(settings.environment(), sandbox.readPaths(), sandbox.writePaths()));
    this.files = new FileTools(workspace, git);
    this.commands = new CommandTools(workspace, settings.sandbox(),
        CommandEnvironment.forCommands(settings.environment(), secrets, sandbox.environment()), space, git, files,
        this::remaining);
    this.reports = new AcpReport(new FinishTool(task.mode(), redactor, git, commands, files));
  }

  EngineResult execute() {
    Outcome outcome;
    int steps = 0;
    try {
      String guidance = Guidance.read(git, task.baseRef(), prompts);
      begin(!guidance.isEmpty());
      Session session = session(guidance);
      outcome = session.outcome;
      steps = session.steps;
    } catch (ModelException e) {
      outcome = new Outcome(Stop.model(e), null, -1);
    } catch (RuntimeException e) {
      outcome = new Outcome(Stop.of(Stop.Reason.INTERNAL_ERROR, e.getClass().getSimpleName() + ": " + e.getMessage()),
          null, -1);
    } finally {
      space.close();
    }
    return end(outcome, steps);
  }

  private void begin(boolean guidance) {
    Map<String, Object> facts = new LinkedHashMap<>();
    facts.put("mode", task.mode().name());
    facts.put("agent", spec.display());
    facts.put("workspace", task.workspace().toString());
    facts.put("read_only", task.policy().readOnly());
    facts.put("isolation", settings.sandbox().isolation().name());
    facts.put("isolation_detail", settings.sandbox().describe());
    facts.put("guidance_from", guidance ? (task.baseRef() == null ? "HEAD" : task.baseRef()) : "none");
    records.start(facts, "(the agent's own system prompt)", task.task());
    say("agent " + spec.display() + " over ACP, " + task.mode().name().toLowerCase(java.util.Locale.ROOT) + " mode"
        + (task.policy().readOnly() ? ", read-only" : ""));
    say("agent isolation: " + settings.sandbox().describe());
  }

  private record Session(Outcome outcome, int steps) {}

  private Session session(String guidance) {
    Map<String, String> env = AcpEnvironment.of(spec, settings.environment(), secrets,
        task.policy().sandbox().environment());
    String line = "exec " + String.join(" ", spec.command().stream().map(AcpTerminals::quote).toList());
    LiveCommand agent;
    try {
      agent = settings.sandbox().start(new CommandRequest(workspace.root(), line, env, task.budget().maxWallTime(),
          commands.protectedPaths(), space, task.policy().sandbox().allowUnisolated()));
    } catch (PolicyException | UncheckedIOException e) {
      return new Session(failed("it could not be started: " + e.getMessage(), null), 0);
    }
    StderrTail stderr = new StderrTail(agent.stderr());
    AcpPaths paths = new AcpPaths(workspace, task.workspace());
    AcpTerminals terminals = new AcpTerminals(commands, workspace, paths, redactor, records, this::remaining);
    AcpClientSide client = new AcpClientSide(workspace, task.workspace(), files, terminals, redactor, records,
        settings.progress());
    AcpConnection.Wire wire = (incoming, json) -> records.trace("acp", Map.of("from", incoming ? "agent" : "aegis",
        "message", Text.cap(json, 4000)));
    try (agent; AcpConnection connection = new AcpConnection(agent.stdout(), agent.stdin(), client, wire);
        terminals) {
      Outcome outcome;
      try {
        outcome = converse(connection, client, guidance);
      } catch (AcpException e) {
        outcome = failed(e.getMessage(), stderr);
      }
      return new Session(outcome, client.steps());
    }
  }

  private Outcome converse(AcpConnection connection, AcpClientSide client, String guidance) {
    ObjectNode init = JsonNodeFactory.instance.objectNode().put("protocolVersion", PROTOCOL_VERSION);
    ObjectNode caps = init.putObject("clientCapabilities");
    caps.putObject("fs").put("readTextFile", true).put("writeTextFile", true);
    caps.put("terminal", true);
    init.putObject("clientInfo").put("name", "aegis").put("version", "1");
    JsonNode hello = connection.request("initialize", init, handshake());
    JsonNode version = hello.path("protocolVersion");
    if (!version.isInt() || version.asInt() != PROTOCOL_VERSION) {
      return failed("it speaks ACP protocol version " + (version.isMissingNode() ? "(none)" : version.toString())
          + " and Aegis speaks version " + PROTOCOL_VERSION + "; use an agent release that supports version "
          + PROTOCOL_VERSION, null);
    }
    boolean http = hello.path("agentCapabilities").path("mcpCapabilities").path("http").asBoolean(false);
    records.note("agent_initialized", Map.of("protocol_version", version.asInt(),
        "agent", hello.path("agentInfo").path("name").asText(""),
        "agent_version", hello.path("agentInfo").path("version").asText(""), "mcp_http", http));
    AtomicReference<Report> handedBack = new AtomicReference<>();
    try (McpFinishServer finish = http ? finishServer(handedBack) : null) {
      ObjectNode open = JsonNodeFactory.instance.objectNode().put("cwd", workspace.root().toString());
      ArrayNode servers = open.putArray("mcpServers");
      if (finish != null) {
        servers.add(finish.acpEntry("aegis"));
      }
      for (McpServerSpec spec : settings.mcpServers()) {
        if (spec.stdio()) {
          servers.add(stdioEntry(spec));
        } else if (http) {
          servers.addObject().put("type", "http").put("name", spec.name()).put("url", spec.url()).putArray("headers");
        } else {
          say("MCP server " + spec.name() + " is left out: the agent does not take HTTP MCP servers");
        }
      }
      String sessionId = connection.request("session/new", open, handshake()).path("sessionId").asText("");
      if (sessionId.isBlank()) {
        return failed("it answered session/new without a sessionId", null);
      }
      String text = prompts.acp(task.mode(), task.policy().readOnly(), finish != null, task.task(), guidance);
      records.trace("agent_prompt", Map.of("text", text));
      String problem = "";
      for (int attempt = 0; attempt < 2; attempt++) {
        client.clearMessage();
        Turn turn = turn(connection, client, sessionId, text);
        if (handedBack.get() != null) {
          return new Outcome(Stop.finished(), handedBack.get(), client.costDollars());
        }
        if (turn.stop != null) {
          return new Outcome(turn.stop, null, client.costDollars());
        }
        try {
          return new Outcome(Stop.finished(), reports.read(client.message()), client.costDollars());
        } catch (ToolError e) {
          problem = e.getMessage();
          say("the agent's report was not accepted: " + problem);
          records.note("report_refused", Map.of("attempt", attempt + 1, "problem", problem,
              "stop_reason", turn.stopReason));
          text = prompts.acpRetry(problem);
        }
      }
      return new Outcome(Stop.of(Stop.Reason.NO_FINISH, "the agent ended without calling finish or writing a"
          + " readable aegis-report block: " + problem), null, client.costDollars());
    }
  }

  /** A stdio MCP server for {@code session/new}; its {@code env} values are the named secrets' values. */
  private ObjectNode stdioEntry(McpServerSpec spec) {
    ObjectNode entry = JsonNodeFactory.instance.objectNode().put("name", spec.name())
        .put("command", spec.command().get(0));
    ArrayNode args = entry.putArray("args");
    spec.command().subList(1, spec.command().size()).forEach(args::add);
    ArrayNode env = entry.putArray("env");
    spec.env().forEach((name, secret) -> {
      String value = settings.environment().get(secret);
      if (value != null) {
        env.addObject().put("name", name).put("value", value);
      }
    });
    return entry;
  }

  /** The {@code finish} tool over MCP: the same checks as the block; the first accepted report is kept. */
  private McpFinishServer finishServer(AtomicReference<Report> handedBack) {
    return McpFinishServer.start(prompts.finishDescription(task.mode()), prompts.finishSchema(task.mode()), args -> {
      try {
        Report report = reports.fromTool(args);
        handedBack.compareAndSet(null, report);
        records.note("finish_tool", Map.of("accepted", true));
        say("finish: report accepted");
        return new McpFinishServer.Answer("report accepted; end your turn now", false);
      } catch (ToolError e) {
        records.note("report_refused", Map.of("via", "finish tool", "problem", e.getMessage()));
        say("finish refused: " + e.getMessage());
        return new McpFinishServer.Answer(e.getMessage(), true);
      }
    });
  }

  private record Turn(String stopReason, Stop stop) {}

  /** One {@code session/prompt}, watched: a budget that runs out or too many refusals cancel it. */
  private Turn turn(AcpConnection connection, AcpClientSide client, String sessionId, String text) {
    ObjectNode params = JsonNodeFactory.instance.objectNode().put("sessionId", sessionId);
    params.putArray("prompt").addObject().put("type", "text").put("text", text);
    Duration wait = remaining().plus(CANCEL_GRACE).plusSeconds(1);
    CompletableFuture<JsonNode> answer = CompletableFuture.supplyAsync(
        () -> connection.request("session/prompt", params, wait), r -> daemon(r).start());
    while (true) {
      try {
        JsonNode result = answer.get(POLL.toMillis(), TimeUnit.MILLISECONDS);
        usage = usage.plus(usage(result.path("usage")));
        String reason = result.path("stopReason").asText("");
        records.note("agent_turn_end", Map.of("stop_reason", reason, "usage", RunRecords.usage(usage)));
        return new Turn(reason, "cancelled".equals(reason)
            ? Stop.of(Stop.Reason.NO_FINISH, "the agent cancelled its turn") : null);
      } catch (TimeoutException e) {
        Optional<Stop> over = exceeded(client);
        if (over.isPresent()) {
          cancel(connection, sessionId, answer, over.get());
          return new Turn("", over.get());
        }
      } catch (ExecutionException e) {
        throw e.getCause() instanceof AcpException acp ? acp : new IllegalStateException(e.getCause());
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return new Turn("", Stop.of(Stop.Reason.INTERNAL_ERROR, "interrupted"));
      }
    }
  }

  private void cancel(AcpConnection connection, String sessionId, CompletableFuture<JsonNode> answer, Stop why) {
    say("stopping the agent: " + why.detail());
    records.note("agent_cancel", Map.of("reason", why.reason().name(), "detail", why.detail()));
    try {
      connection.notify("session/cancel", JsonNodeFactory.instance.objectNode().put("sessionId", sessionId));
      answer.get(CANCEL_GRACE.toMillis(), TimeUnit.MILLISECONDS);
    } catch (AcpException | ExecutionException | TimeoutException e) {
      // it did not end its turn in time: it is killed when the session closes
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  private Optional<Stop> exceeded(AcpClientSide client) {
    Budget b = task.budget();
    if (client.denials() >= task.policy().maxDenials()) {
      return Optional.of(Stop.of(Stop.Reason.POLICY_DENIED, client.denials() + " refused requests"));
    }
    if (client.steps() >= b.maxSteps()) {
      return Optional.of(Stop.budget(Budget.Kind.STEPS, client.steps() + " of " + b.maxSteps() + " tool calls"));
    }
    if (client.costDollars() >= b.maxDollars()) {
      return Optional.of(Stop.budget(Budget.Kind.DOLLARS, String.format(java.util.Locale.ROOT, "$%.4f of $%.2f",
          client.costDollars(), b.maxDollars())));
    }
    Duration elapsed = Duration.between(start, settings.clock().instant());
    if (elapsed.compareTo(b.maxWallTime()) >= 0) {
      return Optional.of(Stop.budget(Budget.Kind.WALL_TIME, elapsed.toSeconds() + "s of "
          + b.maxWallTime().toSeconds() + "s"));
    }
    return Optional.empty();
  }

  /** ACP's usage RFD (not yet stable): {@code inputTokens}, {@code outputTokens}, {@code cachedReadTokens}. */
  private static Usage usage(JsonNode node) {
    long in = Math.max(0, node.path("inputTokens").asLong(0));
    long out = Math.max(0, node.path("outputTokens").asLong(0));
    long cached = Math.min(in, Math.max(0, node.path("cachedReadTokens").asLong(0)));
    return new Usage(in, out, cached);
  }

  private Outcome failed(String why, StderrTail stderr) {
    String tail = stderr == null ? "" : stderr.tail();
    return new Outcome(Stop.of(Stop.Reason.AGENT_FAILED, spec.display() + ": " + why
        + (tail.isBlank() ? "" : " (its last error output: " + tail + ")")), null, -1);
  }

  private Duration handshake() {
    Duration left = remaining();
    return left.compareTo(HANDSHAKE) < 0 ? (left.isNegative() ? Duration.ofSeconds(1) : left) : HANDSHAKE;
  }

  private Duration remaining() {
    return task.budget().maxWallTime().minus(Duration.between(start, settings.clock().instant()));
  }

  private EngineResult end(Outcome outcome, int steps) {
    Stop stop = new Stop(outcome.stop.reason(), outcome.stop.budget(), outcome.stop.modelError(),
        redactor.redact(outcome.stop.detail()));
    boolean priced = outcome.cost >= 0;
    double cost = priced ? outcome.cost : 0;
    Map<String, Object> end = new LinkedHashMap<>();
    end.put("stop", stop.reason().name());
    end.put("budget", stop.budget() == null ? "" : stop.budget().name());
    end.put("detail", stop.detail());
    end.put("steps", steps);
    end.put("usage", RunRecords.usage(usage));
    end.put("cost_dollars", cost);
    end.put("priced", priced);
    end.put("report", outcome.report == null ? Map.of() : outcome.report);
    String hash = records.end(end);
    say("stopped: " + stop.reason() + " after " + steps + " tool calls; " + stop.detail());
    return new EngineResult(stop, outcome.report, steps, usage, cost, priced, records.transcriptFile(),
        records.auditFile(), hash, settings.sandbox().describe());
  }

  private void say(String line) {
    settings.progress().line(redactor.redact(line));
  }

  private static Thread daemon(Runnable r) {
    Thread t = new Thread(r, "acp-prompt");
    t.setDaemon(true);
    return t;
  }

  private record Outcome(Stop stop, Report report, double cost) {}
}
