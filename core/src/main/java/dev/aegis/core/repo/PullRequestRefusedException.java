package dev.aegis.core.repo;

import dev.aegis.core.tracker.TrackerException;

/**
 * The code host refused to open a pull request for a reason no retry and no token permission fixes: a
 * repository setting. The branch is pushed; opening the pull request works once the setting is changed.
 */
public final class PullRequestRefusedException extends TrackerException {
  private static final long serialVersionUID = 1L;

  private final String remedy;

  /**
   * @param message what the code host said, in plain English
   * @param remedy what a maintainer changes so the next attempt succeeds
   * @param status the HTTP status of the refusal
   * @param url the URL that refused
   * @param cause the underlying failure, may be null
   */
  public PullRequestRefusedException(String message, String remedy, int status, String url, Throwable cause) {
    super(message, status, url, null, cause);
    this.remedy = remedy;
  }

  /** What to change so that opening the pull request succeeds. */
  public String remedy() {
    return remedy;
  }
}
