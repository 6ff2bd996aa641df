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
 * @param sandbox how commands are sandboxed
 */
public record Policy(
    boolean readOnly, List<String> protectedPaths, Duration commandTimeout, int maxOutputChars, int maxDenials,
    SandboxSettings sandbox) {

  /**
   * Paths no run may write, whatever the configuration says: what runs in CI (workflows and the local actions
   * they use), who must review ({@code CODEOWNERS}), where submodules come from, Aegis's own configuration,
   * and the repository itself.
   */
  public static final List<String> ALWAYS_PROTECTED = List.of(".github/workflows/**", ".github/actions/**",
      ".aegis/**", ".git/**", ".gitmodules", "CODEOWNERS", ".github/CODEOWNERS", "docs/CODEOWNERS");

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
    Objects.requireNonNull(sandbox, "sandbox");
  }

  /** Writable, five-minute commands, 20,000 characters of output, ten refusals. */
  public static Policy defaults() {
    return new Policy(false, List.of(), Duration.ofMinutes(5), 20_000, 10, SandboxSettings.defaults());
  }

  public Policy withReadOnly(boolean value) {
    return new Policy(value, protectedPaths, commandTimeout, maxOutputChars, maxDenials, sandbox);
  }

  public Policy withProtectedPaths(List<String> globs) {
    return new Policy(readOnly, globs, commandTimeout, maxOutputChars, maxDenials, sandbox);
  }

  public Policy withCommandTimeout(Duration timeout) {
    return new Policy(readOnly, protectedPaths, timeout, maxOutputChars, maxDenials, sandbox);
  }

  public Policy withSandbox(SandboxSettings value) {
    return new Policy(readOnly, protectedPaths, commandTimeout, maxOutputChars, maxDenials, value);
  }

  /** {@link #ALWAYS_PROTECTED} followed by the configured globs. */
  public List<String> allProtected() {
    List<String> all = new ArrayList<>(ALWAYS_PROTECTED);
    all.addAll(protectedPaths);
    return List.copyOf(all);
  }
}
