package dev.aegis.core.ops;

import dev.aegis.core.config.AegisConfig;
import dev.aegis.core.host.Connector;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Map;
import java.util.Objects;

/**
 * What every maintainer command needs: the repository checkout it was run in, the resolved configuration, the
 * process environment (tokens are read from it, never printed), how to connect, and the clock.
 *
 * @param workspace the monitored repository's checkout ({@code .aegis/config.yml} lives under it)
 * @param config configuration as {@link dev.aegis.core.config.ConfigLoader} resolved it
 * @param environment the process environment
 * @param connector opens the connection to the tracker and code host ({@link dev.aegis.core.host.Connectors#github()})
 * @param clock for ages and staleness
 */
public record OpsContext(
    Path workspace, AegisConfig config, Map<String, String> environment, Connector connector, Clock clock) {

  public OpsContext {
    Objects.requireNonNull(workspace, "workspace");
    Objects.requireNonNull(config, "config");
    environment = Map.copyOf(environment);
    Objects.requireNonNull(connector, "connector");
    Objects.requireNonNull(clock, "clock");
  }

  /** {@code owner/name}, or a placeholder that tells the reader how to set it. */
  String repositoryOrHint() {
    return config.text(dev.aegis.core.config.ConfigKeys.GITHUB_REPOSITORY).orElse("OWNER/NAME");
  }
}
