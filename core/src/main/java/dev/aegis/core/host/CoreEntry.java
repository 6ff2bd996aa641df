package dev.aegis.core.host;

/**
 * The standard {@link HostEntry}: wires configuration, trackers, the code host and the agent engine from a
 * {@link HostRequest}. Hosts construct it with the no-argument constructor (Jenkins builds it on the agent
 * that holds the workspace).
 */
public final class CoreEntry implements HostEntry {

  public CoreEntry() {}

  @Override
  public HostResult execute(HostRequest request, HostLog log) {
    // Wired command by command as the core grows; see the README's command list.
    return HostResult.of(
        HostResult.Outcome.INPUT_ERROR,
        "'" + request.command().cliName() + "' is not available in this build of Aegis yet");
  }
}
