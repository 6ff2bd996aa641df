package dev.aegis.core.production;

import java.util.List;
import java.util.Objects;

/**
 * What the database user of {@code DATABASE_URL} may change, as the database reports it.
 *
 * @param reached the privileges could be read; when false, {@code problem} says why
 * @param writes each privilege that allows a change (superuser, a write on a table, CREATE on a schema...);
 *     empty for a read-only role
 * @param problem why they could not be read, without credentials; empty when reached
 */
public record RoleCheck(boolean reached, List<String> writes, String problem) {
  public RoleCheck {
    writes = List.copyOf(writes);
    Objects.requireNonNull(problem, "problem");
  }

  /** The user can change something: Aegis still holds read-only, but the role is not the first line it should be. */
  public boolean canWrite() {
    return reached && !writes.isEmpty();
  }
}
