package dev.aegis.core.host;

import dev.aegis.core.config.AegisConfig;
import dev.aegis.core.config.ConfigKeys;
import dev.aegis.core.config.ConfigLoader;
import dev.aegis.core.host.HostResult.Outcome;
import dev.aegis.core.policy.Secrets;
import dev.aegis.core.run.Decision;
import dev.aegis.core.run.Pickup;
import dev.aegis.core.run.RunIds;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.random.RandomGenerator;

/**
 * The standard {@link HostEntry}: loads configuration, opens the connection, and runs the command. Hosts
 * construct it with the no-argument constructor (Jenkins builds it on the agent that holds the workspace);
 * tests and the demo pass their own {@link Connector}.
 */
public final class CoreEntry implements HostEntry {
  private final Connector connector;
  private final Clock clock;
  private final RandomGenerator random;

  /** Connects to GitHub as configured. */
  public CoreEntry() {
    this(new GitHubConnector(), Clock.systemUTC(), new SecureRandom());
  }

  public CoreEntry(Connector connector, Clock clock, RandomGenerator random) {
    this.connector = Objects.requireNonNull(connector, "connector");
    this.clock = Objects.requireNonNull(clock, "clock");
    this.random = Objects.requireNonNull(random, "random");
  }

  @Override
  public HostResult execute(HostRequest request, HostLog log) {
    Secrets.fromEnvironment(request.environment(), List.of(), List.of()).values().forEach(log::mask);
    try {
      AegisConfig config = new ConfigLoader().load(
          request.workspace(), request.environment(), request.overrides(), "host input");
      Secrets.fromEnvironment(request.environment(), config.list(ConfigKeys.SECRET_ENV), List.of())
          .values().forEach(log::mask);
      describe(config, log);
      return switch (request.command()) {
        case PICKUP -> pickup(request, config, log);
        case ACTION -> new ActionDispatch(this, request, config, log).run();
        default -> HostResult.of(Outcome.INPUT_ERROR,
            "'" + request.command().cliName() + "' is not available in this build of Aegis yet");
      };
    } catch (RuntimeException e) {
      HostResult result = Failures.toResult(e);
      log.warn(result.message());
      return result;
    }
  }

  private HostResult pickup(HostRequest request, AegisConfig config, HostLog log) {
    if (config.paused()) {
      return paused(log);
    }
    List<Decision> decisions = request.issueId()
        .map(id -> List.of(pickup(config, request).one(IssueArgs.parse(id), request.dryRun())))
        .orElseGet(() -> pickup(config, request).scan(request.dryRun()));
    return report(request.dryRun() ? "Aegis pickup (dry run)" : "Aegis pickup", decisions, config, log);
  }

  Pickup pickup(AegisConfig config, HostRequest request) {
    Connection c = connector.connect(config, request.environment());
    return new Pickup(c.tracker(), c.code(), config, clock, new RunIds(random));
  }

  HostResult paused(HostLog log) {
    String message = "Aegis is paused (max-concurrent-runs is 0): nothing was done. Resume with `aegis resume`.";
    log.line(message);
    log.summary("### Aegis\n\n" + message + "\n");
    return HostResult.of(Outcome.PAUSED, message);
  }

  HostResult report(String title, List<Decision> decisions, AegisConfig config, HostLog log) {
    decisions.forEach(d -> log.line(d.line()));
    if (decisions.isEmpty()) {
      log.line("No ready bugs found. Check that an open issue carries both labels '" + config.bugLabel()
          + "' and '" + config.readyLabel() + "', that the repository is right ("
          + config.text("github.repository").orElse("unset") + ", from " + config.sourceOf("github.repository")
          + "), and that the token can read its issues.");
    }
    log.summary(Reports.decisions(title, decisions));
    Map<String, String> outputs = new LinkedHashMap<>();
    outputs.put("decision", String.join("\n", decisions.stream().map(Decision::line).toList()));
    decisions.stream().map(Decision::runId).filter(r -> !r.isEmpty()).findFirst()
        .ifPresent(r -> outputs.put("run-id", r));
    return new HostResult(Outcome.OK, decisions.size() + " candidate(s) checked", outputs);
  }

  private static void describe(AegisConfig config, HostLog log) {
    log.group("Aegis configuration");
    config.describe().forEach((key, value) -> log.line(key + " = " + value + "  (" + config.sourceOf(key) + ")"));
    log.endGroup();
  }
}
