package dev.aegis.core.repo;

import java.util.Optional;

/**
 * A repository's configuration variables as the CI host keeps them (GitHub Actions repository variables). Aegis
 * keeps its pause switch here: {@code AEGIS_MAX_CONCURRENT_RUNS=0} pauses everything.
 *
 * <p>Every method may throw {@link dev.aegis.core.tracker.TrackerException}; managing Actions variables needs
 * a token with the "Variables: write" repository permission (a fine-grained token or a GitHub App), which the
 * workflow's {@code GITHUB_TOKEN} cannot be granted.
 */
public interface RepositoryVariables {

  /** The variable's value, or empty when it is not set. Names are case-insensitive. */
  Optional<String> get(String name);

  /** Sets the variable, creating it when it does not exist. */
  void set(String name, String value);

  /**
   * The names (never the values) of the repository's Actions secrets, for {@code aegis status}; empty when
   * the host cannot list them. Listing needs the "Secrets: read" permission.
   */
  default Optional<java.util.List<String>> secretNames() {
    return Optional.empty();
  }
}
