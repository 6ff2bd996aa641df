package dev.aegis.jenkins;

/**
 * The core configuration keys the plugin sets through {@code HostRequest.overrides()} and the environment
 * names it fills. One place, so the contract with the core is visible.
 */
final class ConfigKeys {
  static final String GITHUB_REPOSITORY = "github.repository";
  static final String GITHUB_API_URL = "github.api-url";
  static final String MODEL = "model";
  static final String LINEAR_TEAM = "linear.team";
  static final String READY_LABEL = "labels.ready";
  static final String BUG_LABEL = "labels.bug";
  static final String MODE = "mode";
  static final String MAX_CONCURRENT_RUNS = "max-concurrent-runs";

  static final String ENV_GITHUB_TOKEN = "GITHUB_TOKEN";
  static final String ENV_GITHUB_REPOSITORY = "GITHUB_REPOSITORY";
  static final String ENV_GITHUB_API_URL = "GITHUB_API_URL";
  /** Provider-neutral model key name, set beside the provider's own name. */
  static final String ENV_MODEL_API_KEY = "AEGIS_MODEL_API_KEY";

  private ConfigKeys() {}
}
