package dev.aegis.jenkins;

import dev.aegis.core.host.HostLog;
import java.io.PrintStream;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A {@link HostLog} that prints to a Jenkins build log (or the scan's log) and replaces every registered
 * secret with {@code ****}: the credentials the step resolved, secret-looking environment values, and what
 * the core registers through {@link #mask(String)}. Lines from the core are printed as they are otherwise,
 * so the step prints what the CLI prints.
 */
public final class MaskingLog implements HostLog {
  static final String MASK = "****";

  private final PrintStream out;
  private final List<String> secrets = new CopyOnWriteArrayList<>();

  public MaskingLog(PrintStream out, Collection<String> secrets) {
    this.out = out;
    secrets.forEach(this::mask);
  }

  @Override
  public void line(String text) {
    print(text);
  }

  @Override
  public void warn(String text) {
    print("WARNING: " + text);
  }

  @Override
  public void group(String title) {
    print("--- " + title);
  }

  @Override
  public void endGroup() {
    // the build log has no collapsible sections; the next group title separates
  }

  @Override
  public void mask(String secret) {
    if (secret != null && !secret.isBlank() && !secrets.contains(secret)) {
      secrets.add(secret);
      // longest first, so a secret containing another is hidden whole
      secrets.sort(Comparator.comparingInt(String::length).reversed());
    }
  }

  @Override
  public void summary(String markdown) {
    if (markdown != null) {
      markdown.lines().forEach(this::print);
    }
  }

  /** The text with every registered secret replaced. */
  public String redact(String text) {
    if (text == null) {
      return "";
    }
    String result = text;
    for (String secret : secrets) {
      result = result.replace(secret, MASK);
    }
    return result;
  }

  private void print(String text) {
    try {
      out.println(redact(text));
    } catch (RuntimeException e) {
      // HostLog implementations must not throw; a broken log stream must not fail the run
    }
  }
}
