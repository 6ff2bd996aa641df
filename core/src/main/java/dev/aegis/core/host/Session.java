package dev.aegis.core.host;

import dev.aegis.core.config.AegisConfig;
import dev.aegis.core.flow.AgentContext;
import dev.aegis.core.flow.EngineProvider;
import dev.aegis.core.flow.FlowContext;
import dev.aegis.core.flow.RunFlow;
import dev.aegis.core.run.Pickup;
import dev.aegis.core.run.Recovery;
import dev.aegis.core.run.RunIds;
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

  Pickup pickup() {
    return new Pickup(connection.tracker(), connection.code(), config, clock, new RunIds(random));
  }

  Recovery recovery() {
    return new Recovery(connection.tracker(), clock, config.staleAfter());
  }

  /** The run flow; {@code dispatchOnly} on hosts that hand agent work to workers. */
  RunFlow flow(boolean dispatchOnly) {
    return new RunFlow(new FlowContext(connection.tracker(), connection.code(), agent(), dispatchOnly));
  }

  AgentContext agent() {
    return agent(request, config, log, clock, engines);
  }

  static AgentContext agent(HostRequest request, AegisConfig config, HostLog log, Clock clock, EngineProvider engines) {
    return new AgentContext(config, request.environment(), request.workspace(), records(request), clock, engines, log::line);
  }

  /**
   * Where transcripts and audit logs go: {@code AEGIS_RECORDS_DIR}, else the runner's temp directory on
   * Actions, else the system temp directory. Never inside the workspace.
   */
  static Path records(HostRequest request) {
    String dir = request.environment().get("AEGIS_RECORDS_DIR");
    if (dir == null || dir.isBlank()) {
      String runnerTemp = request.environment().get("RUNNER_TEMP");
      dir = runnerTemp == null || runnerTemp.isBlank()
          ? Path.of(System.getProperty("java.io.tmpdir"), "aegis-records").toString()
          : Path.of(runnerTemp, "aegis-records").toString();
    }
    return Path.of(dir).toAbsolutePath();
  }

  @Override
  public void close() {
    connection.close();
  }
}
