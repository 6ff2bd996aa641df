package dev.aegis.jenkins;

/**
 * The core configuration keys the plugin sets through {@code HostRequest.overrides()} (the core's own
 * constants, so the contract has one source) and the environment names it fills.
 */
final class ConfigKeys {
  static final String GITHUB_REPOSITORY = dev.aegis.core.config.ConfigKeys.GITHUB_REPOSITORY;
  static final String GITHUB_API_URL = dev.aegis.core.config.ConfigKeys.GITHUB_API_URL;
  static final String GITHUB_LOGIN = dev.aegis.core.config.ConfigKeys.GITHUB_LOGIN;
  static final String MODEL = dev.aegis.core.config.ConfigKeys.MODEL;
  static final String READY_LABEL = dev.aegis.core.config.ConfigKeys.LABEL_READY;
  static final String BUG_LABEL = dev.aegis.core.config.ConfigKeys.LABEL_BUG;
  static final String MODE = dev.aegis.core.config.ConfigKeys.MODE;
  static final String MAX_CONCURRENT_RUNS = dev.aegis.core.config.ConfigKeys.MAX_CONCURRENT_RUNS;
  static final String TRACKERS = dev.aegis.core.config.ConfigKeys.TRACKERS;
  static final String LINEAR_TEAM = dev.aegis.core.config.ConfigKeys.LINEAR_TEAM;

  static final String ENV_GITHUB_TOKEN = "GITHUB_TOKEN";
  static final String ENV_GITHUB_REPOSITORY = "GITHUB_REPOSITORY";
  static final String ENV_GITHUB_API_URL = "GITHUB_API_URL";
  /** Where the core reads Linear's personal API key (never a configuration key). */
  static final String ENV_LINEAR_API_KEY = "LINEAR_API_KEY";
  /** Where the core writes transcripts and audit logs. */
  static final String ENV_RECORDS_DIR = "AEGIS_RECORDS_DIR";

  private ConfigKeys() {}
}
