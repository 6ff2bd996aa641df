package dev.aegis.core.host;

import dev.aegis.core.config.AegisConfig;
import java.util.Map;

/**
 * Opens the {@link HostConnection} for a configuration: GitHub (or GitHub Enterprise Server) for real runs, the
 * built-in demo for {@code --demo}. Tests pass their own to point at local fakes.
 */
public interface Connector {

  /**
   * @param config resolved configuration
   * @param environment the process environment (tokens are read from it, never logged)
   * @throws dev.aegis.core.config.ConfigException when a needed setting or credential is missing
   */
  HostConnection connect(AegisConfig config, Map<String, String> environment);

  /**
   * As {@link #connect(AegisConfig, Map)}, telling {@code log} about transient failures the connection
   * survives (a retry after a 503, a lost answer found by reading), so a job's log says what happened.
   */
  default HostConnection connect(AegisConfig config, Map<String, String> environment, HostLog log) {
    return connect(config, environment);
  }
}
