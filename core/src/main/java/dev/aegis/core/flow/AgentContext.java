package dev.aegis.core.flow;

import dev.aegis.core.config.AegisConfig;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Map;
import java.util.Objects;
import java.util.function.Consumer;

/**
 * What an agent run needs, tracker or not.
 *
 * @param config resolved configuration
 * @param environment the process environment (tokens and keys; never passed to commands unscrubbed)
 * @param workspace the checkout the agent works in
 * @param records where transcripts and audit logs are written (outside the workspace)
 * @param clock time
 * @param engines makes the agent engine
 * @param progress where progress lines go (the host log)
 */
public record AgentContext(
    AegisConfig config,
    Map<String, String> environment,
    Path workspace,
    Path records,
    Clock clock,
    EngineProvider engines,
    Consumer<String> progress) {

  public AgentContext {
    Objects.requireNonNull(config, "config");
    environment = Map.copyOf(environment);
    Objects.requireNonNull(workspace, "workspace");
    Objects.requireNonNull(records, "records");
    Objects.requireNonNull(clock, "clock");
    Objects.requireNonNull(engines, "engines");
    Objects.requireNonNull(progress, "progress");
  }
}
