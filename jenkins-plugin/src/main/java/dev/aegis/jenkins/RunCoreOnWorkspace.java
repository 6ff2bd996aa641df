package dev.aegis.jenkins;

import dev.aegis.core.host.CoreEntry;
import dev.aegis.core.host.HostResult;
import hudson.model.TaskListener;
import hudson.remoting.VirtualChannel;
import java.io.File;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Objects;
import jenkins.MasterToSlaveFileCallable;

/**
 * Sent to the agent that holds the workspace (or run in place on the controller): builds a
 * {@link CoreEntry} there and runs the call in that directory, streaming the core's lines to the build log.
 * Serializable: it carries only the {@link CoreCall} and the remotable listener.
 *
 * <p>Jenkins hands a {@code node {}} block a workspace path without creating the directory: a checkout step
 * creates it. Without one the directory is missing, and every git call the core makes would fail as if git were
 * not installed. So the directory is created here; the core then says what is missing (a checkout, for
 * {@code plan} and {@code implement}) before it claims or writes anything.
 */
final class RunCoreOnWorkspace extends MasterToSlaveFileCallable<CoreOutcome> {
  private static final long serialVersionUID = 1L;

  private final CoreCall call;
  private final TaskListener listener;

  RunCoreOnWorkspace(CoreCall call, TaskListener listener) {
    this.call = Objects.requireNonNull(call, "call");
    this.listener = Objects.requireNonNull(listener, "listener");
  }

  @Override
  public CoreOutcome invoke(File workspace, VirtualChannel channel) {
    PrintStream log = listener.getLogger();
    Path dir = workspace.toPath();
    if (!Files.isDirectory(dir)) {
      try {
        Files.createDirectories(dir);
        log.println("Aegis: created the workspace " + dir + " (nothing had been checked out in this node block)");
      } catch (IOException e) {
        String message = "cannot create the workspace " + dir + ": " + e.getMessage();
        log.println("WARNING: " + message);
        return new CoreOutcome(HostResult.Outcome.CONFIG_ERROR.name(), message, Map.of());
      }
    }
    return new CoreInvocation(new CoreEntry()).invoke(call, dir, log);
  }
}
