package dev.aegis.core.support;

import dev.aegis.core.host.HostLog;
import java.util.List;

/**
 * A {@link HostLog} that adds each line, and each warning prefixed {@code WARN }, to a list the test reads.
 * Writes synchronise on the list, so a test that reads while a run is printing holds the same lock.
 */
public record RecordingLog(List<String> lines) implements HostLog {
  @Override
  public void line(String text) {
    synchronized (lines) {
      lines.add(text);
    }
  }

  @Override
  public void warn(String text) {
    line("WARN " + text);
  }

  @Override
  public void group(String title) {}

  @Override
  public void endGroup() {}

  @Override
  public void mask(String secret) {}

  @Override
  public void summary(String markdown) {}
}
