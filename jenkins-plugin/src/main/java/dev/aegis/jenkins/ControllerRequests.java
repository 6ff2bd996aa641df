package dev.aegis.jenkins;

import dev.aegis.core.host.HostCommand;
import dev.aegis.core.host.HostRequest;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

/**
 * Core requests made on the controller (the scan and webhook events). They run in a scratch directory (no
 * checkout, and no agent: both commands are dispatch-only), with the global configuration's overrides and
 * secrets, and an HTTP cache under the scratch directory so repeated scans revalidate with ETags.
 */
final class ControllerRequests {
  static final String ENV_CACHE_DIR = "AEGIS_CACHE_DIR";
  static final String ENV_EVENT_NAME = "GITHUB_EVENT_NAME";
  static final String ENV_EVENT_PATH = "GITHUB_EVENT_PATH";

  private ControllerRequests() {}

  /**
   * @param command {@link HostCommand#SCAN} or {@link HostCommand#EVENT}
   * @param context overrides and secrets from the global configuration
   * @param scratch the controller's scratch directory
   * @param extraEnvironment more variables (the event's name and file)
   */
  static HostRequest of(
      HostCommand command, ControllerContext context, Path scratch, Map<String, String> extraEnvironment) {
    Map<String, String> environment = new HashMap<>(context.environment());
    environment.put(ENV_CACHE_DIR, scratch.resolve("http-cache").toString());
    environment.putAll(extraEnvironment);
    return new HostRequest(command, null, null, false, null, context.overrides(), environment, scratch);
  }
}
