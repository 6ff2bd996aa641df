package dev.aegis.core.policy;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * What a run may do in its workspace. Enforced by Aegis, never left to the model.
 *
 * @param readOnly no file edits at all (a plan run configured read-only); commands still run
 * @param protectedPaths globs relative to the workspace that stay read-only, on top of
 *     {@link #ALWAYS_PROTECTED}
 * @param commandTimeout how long one {@code run_command} may take before it is killed
 * @param maxOutputChars how much of a tool's output the model sees (head and tail kept)
 * @param maxDenials how many refused tool calls a run may make before it stops as policy-denied
 */
public record Policy(
    boolean readOnly, List<String> protectedPaths, Duration commandTimeout, int maxOutputChars, int maxDenials) {

  /** Paths no run may write, whatever the configuration says. */
  public static final List<String> ALWAYS_PROTECTED = List.of(".github/workflows/**", ".aegis/**", ".git/**");

  public Policy {
    protectedPaths = List.copyOf(protectedPaths);
    Objects.requireNonNull(commandTimeout, "commandTimeout");
    if (commandTimeout.isNegative() || commandTimeout.isZero()) {
      throw new IllegalArgumentException("commandTimeout must be positive");
    }
    if (maxOutputChars < 200) {
      throw new IllegalArgumentException("maxOutputChars must be at least 200");
    }
    if (maxDenials < 1) {
      throw new IllegalArgumentException("maxDenials must be at least 1");
    }
  }

  /** Writable, five-minute commands, 20,000 characters of output, ten refusals. */
  public static Policy defaults() {
    return new Policy(false, List.of(), Duration.ofMinutes(5), 20_000, 10);
  }

  public Policy withReadOnly(boolean value) {
    return new Policy(value, protectedPaths, commandTimeout, maxOutputChars, maxDenials);
  }

  public Policy withProtectedPaths(List<String> globs) {
    return new Policy(readOnly, globs, commandTimeout, maxOutputChars, maxDenials);
  }

  public Policy withCommandTimeout(Duration timeout) {
    return new Policy(readOnly, protectedPaths, timeout, maxOutputChars, maxDenials);
  }

  /** {@link #ALWAYS_PROTECTED} followed by the configured globs. */
  public List<String> allProtected() {
    List<String> all = new ArrayList<>(ALWAYS_PROTECTED);
    all.addAll(protectedPaths);
    return List.copyOf(all);
  }
}
