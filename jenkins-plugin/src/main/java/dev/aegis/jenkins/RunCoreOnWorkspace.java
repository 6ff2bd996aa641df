package dev.aegis.jenkins;

import dev.aegis.core.host.CoreEntry;
import hudson.model.TaskListener;
import hudson.remoting.VirtualChannel;
import java.io.File;
import java.util.Objects;
import jenkins.MasterToSlaveFileCallable;

/**
 * Sent to the agent that holds the workspace (or run in place on the controller): builds a
 * {@link CoreEntry} there and runs the call in that directory, streaming the core's lines to the build log.
 * Serializable: it carries only the {@link CoreCall} and the remotable listener.
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
    return new CoreInvocation(new CoreEntry()).invoke(call, workspace.toPath(), listener.getLogger());
  }
}
