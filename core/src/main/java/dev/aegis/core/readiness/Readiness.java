package dev.aegis.core.readiness;

import java.util.List;
import java.util.Objects;

/** The verdict of the readiness check: enough context to start, or one concrete question to ask. */
public sealed interface Readiness {

  /**
   * Enough context: what happened, what should happen, and where.
   *
   * @param evidence true when the report also carries an error, log excerpt, stack trace or steps
   */
  record Ready(boolean evidence) implements Readiness {}

  /**
   * Too thin to start.
   *
   * @param missing the first missing part, in the order what, expected, where
   * @param question the one question to ask the reporter
   */
  record NeedsInfo(Missing missing, String question) implements Readiness {
    public NeedsInfo {
      Objects.requireNonNull(missing, "missing");
      Objects.requireNonNull(question, "question");
    }
  }

  /** The parts a bug report needs, in the order they are asked about. */
  enum Missing {
    WHAT_HAPPENED,
    EXPECTED,
    WHERE;

    static List<Missing> inOrder() {
      return List.of(values());
    }
  }
}
