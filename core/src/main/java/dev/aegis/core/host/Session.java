package dev.aegis.core.host;

import dev.aegis.core.config.AegisConfig;
import dev.aegis.core.flow.AgentContext;
import dev.aegis.core.flow.EngineProvider;
import dev.aegis.core.flow.FlowContext;
import dev.aegis.core.flow.RunFlow;
import dev.aegis.core.run.Pickup;
import dev.aegis.core.run.Recovery;
import dev.aegis.core.run.RunIds;
import dev.aegis.core.run.RunSlots;
import dev.aegis.core.tracker.IssueKey;
import dev.aegis.core.tracker.Tracker;
import java.util.List;
import java.nio.file.Path;
import java.time.Clock;
import java.util.random.RandomGenerator;

/** One host request's world: its configuration, its connection, and the services built on them. */
final class Session implements AutoCloseable {
  final HostRequest request;
  final AegisConfig config;
  final HostLog log;
  final Connection connection;
  private final Clock clock;
  private final RandomGenerator random;
  private final EngineProvider engines;
  private boolean checked;
  private boolean identified;

  Session(HostRequest request, AegisConfig config, HostLog log, Connection connection, Clock clock,
      RandomGenerator random, EngineProvider engines) {
    this.request = request;
    this.config = config;
    this.log = log;
    this.connection = connection;
    this.clock = clock;
    this.random = random;
    this.engines = engines;
  }

  /** Every connected tracker, in the order {@code trackers} lists them. */
  List<Tracker> trackers() {
    return connection.trackers();
  }

  /** The connected tracker that owns {@code key}; throws {@link IllegalArgumentException} when none does. */
  Tracker trackerOf(IssueKey key) {
    return connection.trackerOf(key);
  }

  Pickup pickup(Tracker tracker) {
    return new Pickup(tracker, connection.code(), config, clock, new RunIds(random), this::preflight,
        dev.aegis.core.event.ActionsRun.signatureIn(request.environment()));
  }

  /**
   * Before this job's first write to an issue: checks what the run needs ({@link Preflight}), once per job, and
   * throws {@link Preflight.PreflightException} naming every problem when it cannot work.
   */
  synchronized void preflight() {
    if (checked) {
      return;
    }
    List<Preflight.Check> checks = new Preflight(config, request.environment(), engines::check)
        .run(agentHere(), java.util.Optional.of(connection.code()));
    checks.forEach(c -> log.line("Check " + c.name() + ": " + c.verdict().name().toLowerCase(java.util.Locale.ROOT)
        + " (" + c.detail() + ")"));
    Preflight.require(checks);
    checked = true;
  }

  /** Learns, once per request, who each tracker's credentials write as ({@link Tracker#identify()}). */
  synchronized void identify() {
    if (!identified) {
      trackers().forEach(Tracker::identify);
      identified = true;
    }
  }

  /** True when this command runs the agent in this process (not a host that hands agent work to workers). */
  private boolean agentHere() {
    return switch (request.command()) {
      case ACTION, PLAN, IMPLEMENT -> true;
      default -> false;
    };
  }

  /** The run slots of this request, shared by every tracker. */
  RunSlots slots() {
    return RunSlots.across(config.maxConcurrentRuns(), trackers());
  }

  Recovery recovery(Tracker tracker) {
    return new Recovery(tracker, clock, config.staleAfter());
  }

  /** The run flow on {@code tracker}'s issues; {@code dispatchOnly} on hosts that hand agent work to workers. */
  RunFlow flow(Tracker tracker, boolean dispatchOnly) {
    return new RunFlow(new FlowContext(tracker, connection.code(), agent(), dispatchOnly));
  }

  AgentContext agent() {
    return agent(request, config, log, clock, engines);
  }

  static AgentContext agent(HostRequest request, AegisConfig config, HostLog log, Clock clock, EngineProvider engines) {
    return new AgentContext(config, request.environment(), request.workspace(), records(request), clock, engines, log::line);
  }

  /** Where transcripts and audit logs go: see {@link RecordsDirectory}. */
  static Path records(HostRequest request) {
    return RecordsDirectory.of(request.environment());
  }

  @Override
  public void close() {
    connection.close();
  }
}
