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
 * @param environment the command's environment (already allow-listed, see {@link CommandEnvironment});
 *     the sandbox sets {@code HOME} (and, without namespaces, {@code TMPDIR}) to the space's own
 * @param timeout when to kill it
 * @param protectedPaths absolute paths inside {@code directory} that stay read-only for the command, whether
 *     they exist or not (a missing one is held as an empty read-only directory while the command runs)
 * @param space the run's own home, temporary directory and view of the host
 * @param unisolatedAllowed true when the maintainer accepted commands without namespaces (see
 *     {@link CommandSandbox.Isolation#NONE}); otherwise such a machine refuses to run commands
 */
public record CommandRequest(
    Path directory, String command, Map<String, String> environment, Duration timeout, List<Path> protectedPaths,
    CommandSpace space, boolean unisolatedAllowed) {
  public CommandRequest {
    Objects.requireNonNull(directory, "directory");
    Objects.requireNonNull(command, "command");
    environment = Map.copyOf(environment);
    Objects.requireNonNull(timeout, "timeout");
    protectedPaths = List.copyOf(protectedPaths);
    Objects.requireNonNull(space, "space");
  }
}
