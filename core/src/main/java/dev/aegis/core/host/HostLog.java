package dev.aegis.core.host;

/**
 * Where the core reports progress. The GitHub Action writes workflow commands ({@code ::group::},
 * {@code ::add-mask::}) and the step summary; Jenkins writes to the build log; the CLI to the terminal.
 * Implementations must not throw.
 */
public interface HostLog {

  /** One line of progress or a decision line. */
  void line(String text);

  /** A warning the user should act on. */
  void warn(String text);

  /**
   * Why the request failed; the same text comes back as the {@link HostResult}'s message. Hosts that report the
   * result's message themselves (the Action annotates it once) need not print it twice; by default it is a
   * warning.
   */
  default void failed(String text) {
    warn(text);
  }

  /** Opens a collapsible section; nested groups are not supported by Actions, so callers keep them flat. */
  void group(String title);

  /** Closes the section opened by {@link #group(String)}. */
  void endGroup();

  /** Registers a secret value so the host hides it in everything it prints from now on. */
  void mask(String secret);

  /** Appends Markdown to the run summary (job summary on Actions, build log elsewhere). */
  void summary(String markdown);
}
