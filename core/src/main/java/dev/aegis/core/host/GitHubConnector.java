package dev.aegis.core.host;

import dev.aegis.core.config.AegisConfig;
import dev.aegis.core.config.ConfigException;
import java.util.Map;

/** Connects to GitHub (or GitHub Enterprise Server) with the token from the environment. */
final class GitHubConnector implements Connector {
  @Override
  public Connection connect(AegisConfig config, Map<String, String> environment) {
    throw new ConfigException("", "Aegis", "the GitHub connection is being wired in; use --demo for now");
  }
}
