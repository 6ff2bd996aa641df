package dev.aegis.core.ops;

/** How a maintainer command ended; hosts map it to an exit code in one place. */
public enum OpsOutcome {
  /** Did what was asked (including "nothing to change"). */
  OK,
  /**
   * {@code pause}/{@code resume}: the workspace's {@code .aegis/config.yml} was set, but the repository variable
   * the Action reads could not be (no token, no repository, or the token may not write variables).
   */
  LOCAL_ONLY,
  /** Configuration is missing or invalid (no token set included), or the config file could not be edited safely. */
  CONFIG_ERROR,
  /** The token was refused, lacks a permission, or cannot see the repository. */
  AUTH_ERROR,
  /** GitHub failed or rate limited us after retries. */
  REMOTE_ERROR
}
