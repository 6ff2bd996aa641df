package dev.aegis.jenkins;

import java.util.Objects;

/**
 * The result of validating one configuration value, without Jenkins types; the descriptors turn it into a
 * {@code FormValidation}.
 *
 * @param kind how bad it is
 * @param message what to change (empty when OK)
 */
public record Check(Kind kind, String message) {
  public Check {
    Objects.requireNonNull(kind, "kind");
    message = Objects.requireNonNullElse(message, "");
  }

  public static Check ok() {
    return new Check(Kind.OK, "");
  }

  public static Check warning(String message) {
    return new Check(Kind.WARNING, message);
  }

  public static Check error(String message) {
    return new Check(Kind.ERROR, message);
  }

  public boolean isError() {
    return kind == Kind.ERROR;
  }

  /** Severity of a {@link Check}. */
  public enum Kind {
    OK,
    WARNING,
    ERROR
  }
}
