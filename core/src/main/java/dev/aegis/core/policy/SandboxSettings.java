package dev.aegis.core.policy;

import java.util.List;

/**
 * What the maintainer configured about the command sandbox.
 *
 * @param allowUnisolated run commands even where they cannot be isolated ({@code sandbox.allow-unisolated});
 *     off by default, because such commands can read Aegis's environment (the tokens) through {@code /proc}
 * @param environment extra environment variable names commands get ({@code sandbox.environment}); secrets
 *     never pass, whatever is listed
 * @param readPaths host paths shown read-only to commands ({@code sandbox.read-paths})
 * @param writePaths host paths shown writable to commands ({@code sandbox.write-paths})
 */
public record SandboxSettings(
    boolean allowUnisolated, List<String> environment, List<String> readPaths, List<String> writePaths) {
  public SandboxSettings {
    environment = List.copyOf(environment);
    readPaths = List.copyOf(readPaths);
    writePaths = List.copyOf(writePaths);
  }

  /** Isolation required, nothing extra exposed. */
  public static SandboxSettings defaults() {
    return new SandboxSettings(false, List.of(), List.of(), List.of());
  }

  public SandboxSettings withAllowUnisolated(boolean value) {
    return new SandboxSettings(value, environment, readPaths, writePaths);
  }
}
