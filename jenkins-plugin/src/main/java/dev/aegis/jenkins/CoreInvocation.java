package dev.aegis.jenkins;

import dev.aegis.core.host.HostEntry;
import dev.aegis.core.host.HostResult;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.Map;

/**
 * Runs one {@link CoreCall} through a {@link HostEntry} on the machine that holds the workspace, printing
 * through a {@link MaskingLog}. Never throws: a failure of the core itself becomes an
 * {@code INTERNAL_ERROR} outcome.
 */
public final class CoreInvocation {
  private final HostEntry entry;

  public CoreInvocation(HostEntry entry) {
    this.entry = entry;
  }

  public CoreOutcome invoke(CoreCall call, Path workspace, PrintStream out) {
    MaskingLog log = new MaskingLog(out, call.secrets());
    try {
      HostResult result = PluginClassLoader.call(() -> entry.execute(call.toHostRequest(workspace), log));
      if (result == null) {
        return new CoreOutcome(HostResult.Outcome.INTERNAL_ERROR.name(), "the core returned no result", Map.of());
      }
      return CoreOutcome.of(result, log);
    } catch (RuntimeException | LinkageError e) {
      String message = "the core failed: " + e.getClass().getName() + ": " + e.getMessage();
      log.warn(message);
      return new CoreOutcome(HostResult.Outcome.INTERNAL_ERROR.name(), log.redact(message), Map.of());
    }
  }
}
