package dev.aegis.jenkins;

import dev.aegis.core.host.HostLog;
import java.util.ArrayList;
import java.util.List;

/** A {@link HostLog} that keeps what it was told, for assertions. */
final class RecordingLog implements HostLog {
  final List<String> lines = new ArrayList<>();
  final List<String> warnings = new ArrayList<>();

  @Override
  public void line(String text) {
    lines.add(text);
  }

  @Override
  public void warn(String text) {
    warnings.add(text);
  }

  @Override
  public void group(String title) {
    lines.add("group:" + title);
  }

  @Override
  public void endGroup() {}

  @Override
  public void mask(String secret) {}

  @Override
  public void summary(String markdown) {
    lines.add(markdown);
  }
}
