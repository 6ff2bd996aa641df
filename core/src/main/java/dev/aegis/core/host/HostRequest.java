package dev.aegis.core.host;

import java.nio.file.Path;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * One call from a host into the core.
 *
 * @param command what to do
 * @param issue issue id for {@code plan}/{@code implement}/{@code pickup} of one issue ({@code 123},
 *     {@code ENG-950}); null for a scan
 * @param runId run id for {@code implement}; null otherwise
 * @param dryRun decide and print, write nothing
 * @param prompt free-form prompt for {@code run}; null otherwise
 * @param overrides configuration overrides by config key (for example {@code github.repository},
 *     {@code model}); they win over {@code .aegis/config.yml} and {@code AEGIS_*} variables
 * @param environment the process environment the host hands over (tokens, {@code GITHUB_*}); secrets in it
 *     never reach logs, comments or commands
 * @param workspace the checked-out repository the run works in (the sandbox)
 */
public record HostRequest(
    HostCommand command,
    String issue,
    String runId,
    boolean dryRun,
    String prompt,
    Map<String, String> overrides,
    Map<String, String> environment,
    Path workspace) {

  public HostRequest {
    Objects.requireNonNull(command, "command");
    overrides = Map.copyOf(overrides);
    environment = Map.copyOf(environment);
    Objects.requireNonNull(workspace, "workspace");
  }

  public Optional<String> issueId() {
    return Optional.ofNullable(issue).filter(s -> !s.isBlank());
  }

  public Optional<String> runIdValue() {
    return Optional.ofNullable(runId).filter(s -> !s.isBlank());
  }

  public Optional<String> promptText() {
    return Optional.ofNullable(prompt).filter(s -> !s.isBlank());
  }
}
