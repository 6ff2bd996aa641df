package dev.aegis.core.host;

/** The standard connectors, for hosts and maintainer commands that need one outside {@link CoreEntry}. */
public final class Connectors {
  private Connectors() {}

  /** GitHub (or GitHub Enterprise Server) with the token from {@code GITHUB_TOKEN} or {@code GH_TOKEN}. */
  public static Connector github() {
    return new GitHubConnector();
  }
}
