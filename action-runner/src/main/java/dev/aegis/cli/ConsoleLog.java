package dev.aegis.cli;

import java.io.PrintStream;

/** The terminal: progress and decisions on stdout, warnings on stderr, groups only with {@code --verbose}. */
final class ConsoleLog extends MaskingLog {
  private final PrintStream out;
  private final PrintStream err;
  private final boolean verbose;
  private boolean inGroup;

  ConsoleLog(PrintStream out, PrintStream err, boolean verbose) {
    this.out = out;
    this.err = err;
    this.verbose = verbose;
  }

  @Override
  public void line(String text) {
    if (!inGroup || verbose) {
      out.println(redact(text));
    }
  }

  @Override
  public void warn(String text) {
    err.println(redact(text));
  }

  @Override
  public void group(String title) {
    inGroup = true;
    if (verbose) {
      out.println("== " + redact(title) + " ==");
    }
  }

  @Override
  public void endGroup() {
    inGroup = false;
  }

  @Override
  public void summary(String markdown) {
    // The terminal already has the lines; summaries are for CI job pages.
  }
}
