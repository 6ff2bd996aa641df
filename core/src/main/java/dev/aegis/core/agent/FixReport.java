package dev.aegis.core.agent;

import java.util.List;
import java.util.Objects;

/**
 * What a fix run did.
 *
 * @param summary what was changed and why
 * @param filesChanged the paths git reports as changed or added (read by Aegis, not taken from the model)
 * @param testCommand the command the model says proves the fix
 * @param testRun that command as Aegis re-ran it after {@code finish}; null when no command was given
 * @param notes what the model says is left open, may be empty
 * @param filesOfTheFix the paths the agent wrote with its file tools or named in {@code finish}'s
 *     {@code files}: new files are committed only when listed here (a file a command left behind, such as
 *     a test log, is not part of the fix)
 */
public record FixReport(String summary, List<String> filesChanged, String testCommand, TestRun testRun, String notes,
    List<String> filesOfTheFix) implements Report {
  public FixReport {
    Objects.requireNonNull(summary, "summary");
    filesChanged = List.copyOf(filesChanged);
    filesOfTheFix = List.copyOf(filesOfTheFix);
    testCommand = Objects.requireNonNullElse(testCommand, "");
    notes = Objects.requireNonNullElse(notes, "");
  }

  /**
   * A test command as Aegis ran it.
   *
   * @param exitCode its exit status, -1 when it timed out
   * @param outputTail the end of its output, redacted
   */
  public record TestRun(String command, int exitCode, String outputTail) {
    public TestRun {
      Objects.requireNonNull(command, "command");
      outputTail = Objects.requireNonNullElse(outputTail, "");
    }

    public boolean passed() {
      return exitCode == 0;
    }
  }
}
