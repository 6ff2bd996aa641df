package dev.aegis.core.host;

/**
 * The one door from a host into the core. The CLI, the GitHub Action and the Jenkins step all build a
 * {@link HostRequest} from their world and print through a {@link HostLog}, so they print the same lines.
 */
public interface HostEntry {

  /**
   * Executes a request. Never throws for expected failures: they come back as a typed {@link HostResult}.
   */
  HostResult execute(HostRequest request, HostLog log);
}
