package dev.aegis.core.command;

import java.util.Locale;
import java.util.Objects;
import java.util.Optional;

/**
 * A maintainer's command in an issue comment: {@code /aegis proceed <run-id>}, {@code /aegis stop <run-id>},
 * {@code /aegis ask <run-id> <text>}.
 *
 * @param verb what to do
 * @param runId the run it targets, as written (checked against the runs before use)
 * @param text the extra context of {@code ask}; empty otherwise
 */
public record Command(Verb verb, String runId, String text) {
  public Command {
    Objects.requireNonNull(verb, "verb");
    Objects.requireNonNull(runId, "runId");
    text = Objects.requireNonNullElse(text, "");
  }

  /** The command verbs. */
  public enum Verb {
    PROCEED,
    STOP,
    ASK;

    static Optional<Verb> parse(String word) {
      try {
        return Optional.of(valueOf(word.toUpperCase(Locale.ROOT)));
      } catch (IllegalArgumentException e) {
        return Optional.empty();
      }
    }

    public String word() {
      return name().toLowerCase(Locale.ROOT);
    }
  }
}
