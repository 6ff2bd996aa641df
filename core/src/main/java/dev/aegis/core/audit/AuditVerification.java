package dev.aegis.core.audit;

import java.util.Objects;

/**
 * What {@link AuditVerifier} found.
 *
 * @param intact true when every entry chains and hashes correctly (and the final hash matches, if given)
 * @param entries how many entries were read
 * @param finalHash the last good entry's hash
 * @param brokenLine the 1-based line of the first broken entry, 0 when intact
 * @param problem what is wrong there, empty when intact
 */
public record AuditVerification(boolean intact, int entries, String finalHash, int brokenLine, String problem) {
  public AuditVerification {
    Objects.requireNonNull(finalHash, "finalHash");
    problem = Objects.requireNonNullElse(problem, "");
  }
}
