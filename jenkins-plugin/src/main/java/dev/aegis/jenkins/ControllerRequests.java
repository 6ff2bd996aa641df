package dev.aegis.jenkins;

import dev.aegis.core.host.HostCommand;
import dev.aegis.core.host.HostRequest;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

/**
 * Core requests made on the controller (the scan and webhook events). They run in a scratch directory (no
 * checkout, and no agent: the commands are dispatch-only) that holds the Aegis configuration (YAML) as its
 * {@code .aegis/config.yml}, with the global configuration's overrides and secrets, and an HTTP cache under the
 * scratch directory so repeated scans revalidate with ETags. Callers make one request at a time (the
 * {@code WorkStarter} serializes them), so the file is the one of the call that follows.
 */
final class ControllerRequests {
  static final String ENV_CACHE_DIR = "AEGIS_CACHE_DIR";
  static final String ENV_EVENT_NAME = "GITHUB_EVENT_NAME";
  static final String ENV_EVENT_PATH = "GITHUB_EVENT_PATH";

  private ControllerRequests() {}

  /**
   * Places the configuration file in the scratch directory, then builds the request.
   *
   * @param command {@link HostCommand#SCAN}, {@link HostCommand#EVENT} or {@link HostCommand#LINEAR_EVENT}
   * @param context overrides, secrets and configuration text from the global configuration
   * @param scratch the controller's scratch directory
   * @param extraEnvironment more variables (the event's name and file)
   * @throws java.io.UncheckedIOException when the configuration file cannot be written
   */
  static HostRequest of(
      HostCommand command, ControllerContext context, Path scratch, Map<String, String> extraEnvironment) {
    ConfigYaml.place(scratch, context.configYaml());
    Map<String, String> environment = new HashMap<>(context.environment());
    environment.put(ENV_CACHE_DIR, scratch.resolve("http-cache").toString());
    environment.putAll(extraEnvironment);
    return new HostRequest(command, null, null, false, null, context.overrides(), environment, scratch);
  }
}
