package dev.aegis.core.agent;

import dev.aegis.core.git.Checkout;
import dev.aegis.core.text.UntrustedText;
import java.util.List;

/**
 * Repository guidance for agents ({@code AGENTS.md}, {@code .aegis/instructions.md}), read from the base
 * ref's committed content with {@code git show}, never from the working tree the agent can change.
 */
final class Guidance {
  static final List<String> FILES = List.of("AGENTS.md", ".aegis/instructions.md");
  private static final int MAX_CHARS = 16_000;

  private Guidance() {}

  /** The guidance section for the task prompt, empty when there is none. */
  static String read(Checkout git, String baseRef, Prompts prompts) {
    String ref = baseRef == null || baseRef.isBlank() ? "HEAD" : baseRef.trim();
    if (ref.startsWith("-") || !git.isRepository()) {
      return "";
    }
    StringBuilder files = new StringBuilder();
    for (String file : FILES) {
      git.show(ref, file).map(UntrustedText::clean).filter(s -> !s.isBlank()).ifPresent(text ->
          files.append("## ").append(file).append("\n\n").append(Text.cap(text.strip(), MAX_CHARS)).append("\n\n"));
    }
    return files.isEmpty() ? "" : prompts.guidance(ref, files.toString().strip());
  }
}
