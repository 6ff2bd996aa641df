package dev.aegis.core.policy;

import java.util.Objects;

/** A tool call the policy refused; the message is safe to show the model and says what is allowed. */
public final class PolicyException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  /** Which rule refused. */
  public enum Rule {
    /** The path leaves the workspace ({@code ..}, absolute, or a symlink pointing outside). */
    OUTSIDE_WORKSPACE,
    /** The path is protected (read-only). */
    PROTECTED_PATH,
    /** The run is read-only. */
    READ_ONLY_RUN,
    /** Commands cannot be isolated on this machine and the maintainer did not accept running them anyway. */
    NO_ISOLATION
  }

  private final Rule rule;
  private final String path;

  public PolicyException(Rule rule, String path, String message) {
    super(message);
    this.rule = Objects.requireNonNull(rule, "rule");
    this.path = Objects.requireNonNullElse(path, "");
  }

  public Rule rule() {
    return rule;
  }

  /** The path as the caller gave it. */
  public String path() {
    return path;
  }
}
