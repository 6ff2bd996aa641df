package dev.aegis.core.host;

import dev.aegis.core.config.AegisConfig;
import dev.aegis.core.tracker.linear.LinearRuntime;
import dev.aegis.core.tracker.linear.LinearTeam;
import java.util.List;
import java.util.Map;

/** The standard connectors, for hosts and maintainer commands that need one outside {@link CoreEntry}. */
public final class Connectors {
  private Connectors() {}

  /**
   * GitHub (or GitHub Enterprise Server) with the token from {@code GITHUB_TOKEN} or {@code GH_TOKEN} as the code
   * host, and the trackers {@code trackers} lists: GitHub's issues, and Linear with {@code LINEAR_API_KEY}.
   */
  public static Connector github() {
    return new GitHubConnector();
  }

  /**
   * The Linear teams {@code LINEAR_API_KEY} can see at {@code linear.api-url}, for setup ({@code aegis linear
   * teams}); {@link LinearTeam#display()} is how to show them.
   *
   * @throws dev.aegis.core.config.ConfigException when {@code LINEAR_API_KEY} is not set
   * @throws dev.aegis.core.tracker.TrackerException when Linear refuses the key or fails
   */
  public static List<LinearTeam> linearTeams(AegisConfig config, Map<String, String> environment) {
    LinearRuntime runtime = LinearRuntime.defaults();
    try {
      return LinearConnector.teams(config, environment, runtime);
    } finally {
      runtime.http().dispatcher().executorService().shutdown();
      runtime.http().connectionPool().evictAll();
    }
  }
}
