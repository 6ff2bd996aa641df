package dev.aegis.core.tracker;

/** A person's permission on the code repository, as GitHub reports it (or as an approvers list grants it). */
public enum Permission {
  NONE,
  READ,
  TRIAGE,
  WRITE,
  MAINTAIN,
  ADMIN;

  /** Write, maintain and admin may command Aegis. */
  public boolean mayCommand() {
    return this == WRITE || this == MAINTAIN || this == ADMIN;
  }
}
