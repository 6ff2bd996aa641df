package dev.aegis.jenkins;

import dev.aegis.core.host.HostLog;
import java.io.PrintStream;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import java.util.logging.Logger;

/**
 * A {@link HostLog} that prints to a Jenkins build log (or the scan's or the webhook's log) and replaces
 * every registered secret with {@code ****}: the credentials the step resolved, secret-looking environment
 * values, and what the core registers through {@link #mask(String)}. Lines from the core are printed as
 * they are otherwise, so the step prints what the CLI prints with {@code --verbose} (the resolved
 * configuration, then the lines).
 */
public final class MaskingLog implements HostLog {
  static final String MASK = "****";
  private static final String WARNING = "WARNING: ";

  private final Consumer<String> out;
  private final Consumer<String> detail;
  private final Consumer<String> warnings;
  private final List<String> secrets = new CopyOnWriteArrayList<>();
  private volatile boolean inGroup;

  /** A build log: everything printed, warnings prefixed {@code WARNING: }. */
  public MaskingLog(PrintStream out, Collection<String> secrets) {
    this(out::println, out::println, line -> out.println(WARNING + line), secrets);
  }

  /**
   * A log that hands each (redacted) line to a sink.
   *
   * @param out decisions and progress
   * @param detail the resolved configuration the core prints as a group (a logger keeps it at a finer level)
   * @param warnings what the core warns about, without a prefix (a logger gives it its level)
   * @param secrets values to mask from the start
   */
  public MaskingLog(
      Consumer<String> out, Consumer<String> detail, Consumer<String> warnings, Collection<String> secrets) {
    this.out = out;
    this.detail = detail;
    this.warnings = warnings;
    secrets.forEach(this::mask);
  }

  /**
   * A log for the Jenkins log (webhook events): lines at {@code INFO}, the configuration at {@code FINE}, and the
   * core's warnings at {@code WARNING}, so a failing call shows where administrators look.
   */
  public static MaskingLog toLogger(Logger logger) {
    return new MaskingLog(logger::info, logger::fine, logger::warning, List.of());
  }

  /**
   * A periodic task's log (the scan's {@code Aegis scan.log}), whose warnings also reach the Jenkins log at
   * {@code WARNING}: nobody reads a task log until something is known to be wrong.
   */
  public static MaskingLog toTaskLog(PrintStream out, Logger logger) {
    return new MaskingLog(out::println, out::println, line -> {
      out.println(WARNING + line);
      logger.warning(line);
    }, List.of());
  }

  @Override
  public void line(String text) {
    print(inGroup ? detail : out, text);
  }

  @Override
  public void warn(String text) {
    print(warnings, text);
  }

  @Override
  public void group(String title) {
    // as the CLI prints it with --verbose: the build log shows the resolved configuration and its sources
    inGroup = true;
    print(detail, "== " + title + " ==");
  }

  @Override
  public void endGroup() {
    // the build log has no collapsible sections; the next line follows
    inGroup = false;
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
    // the log already has every line; a summary is for job pages (GitHub Actions), as in the CLI
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

  private void print(Consumer<String> sink, String text) {
    try {
      sink.accept(redact(text));
    } catch (RuntimeException e) {
      // HostLog implementations must not throw; a broken log stream must not fail the run
    }
  }
}
