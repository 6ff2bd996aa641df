package dev.aegis.jenkins;

import dev.aegis.core.host.HostCommand;
import dev.aegis.core.host.HostRequest;
import java.io.Serializable;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Everything the core needs for one step call, in a form that crosses the remoting channel to the agent
 * that holds the workspace. The workspace path is added there ({@link #toHostRequest(Path)}).
 *
 * @param command what to do
 * @param issue issue id or null
 * @param runId run id or null
 * @param dryRun decide and print, write nothing
 * @param prompt prompt or null
 * @param overrides configuration overrides by core config key
 * @param environment environment handed to the core (includes resolved secrets)
 * @param secrets values that must never be printed
 */
public record CoreCall(
    HostCommand command,
    String issue,
    String runId,
    boolean dryRun,
    String prompt,
    Map<String, String> overrides,
    Map<String, String> environment,
    List<String> secrets)
    implements Serializable {

  private static final long serialVersionUID = 1L;

  public CoreCall {
    Objects.requireNonNull(command, "command");
    // plain JDK collections: Jenkins' class filter (JEP-200) refuses Map.copyOf's serial form on the channel
    overrides = Collections.unmodifiableMap(new HashMap<>(overrides));
    environment = Collections.unmodifiableMap(new HashMap<>(environment));
    secrets = Collections.unmodifiableList(new ArrayList<>(secrets));
  }

  /** The core request for a workspace on this machine. */
  public HostRequest toHostRequest(Path workspace) {
    return new HostRequest(
        command, issue, runId, dryRun, prompt, new HashMap<>(overrides), new HashMap<>(environment), workspace);
  }

  @Override
  public String toString() {
    // never print the environment: it carries secrets
    return "CoreCall[" + command.cliName() + ", issue=" + issue + ", runId=" + runId + ", dryRun=" + dryRun + "]";
  }
}
