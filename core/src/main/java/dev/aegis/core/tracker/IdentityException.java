package dev.aegis.core.tracker;

/**
 * The tracker's credentials act as someone other than the identity Aegis was told (or assumed) it writes as.
 * Aegis recognises its own status comments by their author, so carrying on would lose its runs: the run stops
 * before anything else is written, and the message says which login to configure.
 */
public final class IdentityException extends TrackerException {
  private static final long serialVersionUID = 1L;

  public IdentityException(String message) {
    super(message, 0, "");
  }
}
