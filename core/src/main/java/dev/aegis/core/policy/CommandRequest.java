package dev.aegis.core.policy;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * One shell command to run.
 *
 * @param directory the working directory (the workspace)
 * @param command the {@code /bin/sh -c} command line
 * @param environment the complete environment the command gets (already scrubbed)
 * @param timeout when to kill it
 * @param readOnlyPaths existing absolute paths to mount read-only for the command, when isolation allows
 */
public record CommandRequest(
    Path directory, String command, Map<String, String> environment, Duration timeout, List<Path> readOnlyPaths) {
  public CommandRequest {
    Objects.requireNonNull(directory, "directory");
    Objects.requireNonNull(command, "command");
    environment = Map.copyOf(environment);
    Objects.requireNonNull(timeout, "timeout");
    readOnlyPaths = List.copyOf(readOnlyPaths);
  }
}
