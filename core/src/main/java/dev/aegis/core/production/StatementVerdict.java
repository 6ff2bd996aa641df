package dev.aegis.core.production;

import java.util.Objects;

/** What the {@link StatementGuard} decided about one statement. */
public sealed interface StatementVerdict {
  /** The statement may run; {@code statement} is the text to send (trailing semicolon removed). */
  record Allowed(String statement) implements StatementVerdict {
    public Allowed {
      Objects.requireNonNull(statement, "statement");
    }
  }

  /** The statement must not run; {@code reason} says why, in words the model can act on. */
  record Refused(String reason) implements StatementVerdict {
    public Refused {
      Objects.requireNonNull(reason, "reason");
    }
  }
}
