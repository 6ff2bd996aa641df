package dev.aegis.testkit.github;

import java.util.Locale;

/**
 * A repository role on the fake, ordered from least to most access, as GitHub reports it in {@code role_name}
 * of {@code GET /repos/{owner}/{repo}/collaborators/{username}/permission}.
 */
public enum Role {
  NONE,
  READ,
  TRIAGE,
  WRITE,
  MAINTAIN,
  ADMIN;

  /** True when this role grants at least what {@code other} grants. */
  public boolean atLeast(Role other) {
    return compareTo(other) >= 0;
  }

  /** GitHub's {@code role_name}: {@code admin}, {@code maintain}, {@code write}, {@code triage}, ... */
  public String roleName() {
    return name().toLowerCase(Locale.ROOT);
  }

  /** GitHub's legacy {@code permission} field, which folds maintain into write and triage into read. */
  public String legacyPermission() {
    switch (this) {
      case ADMIN:
        return "admin";
      case MAINTAIN:
      case WRITE:
        return "write";
      case TRIAGE:
      case READ:
        return "read";
      default:
        return "none";
    }
  }
}
