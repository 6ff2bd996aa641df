package dev.aegis.core.production;

import java.util.Objects;

/** What one production query came to: rows, a refusal before anything ran, or a failure on the server. */
public sealed interface QueryOutcome {
  /** The statement ran (read-only, rolled back); these are its capped and masked rows. */
  record Rows(String statement, QueryResult result) implements QueryOutcome {
    public Rows {
      Objects.requireNonNull(statement, "statement");
      Objects.requireNonNull(result, "result");
    }
  }

  /** Aegis refused the statement; nothing was sent to the database. */
  record Refused(String statement, String reason) implements QueryOutcome {
    public Refused {
      Objects.requireNonNull(statement, "statement");
      Objects.requireNonNull(reason, "reason");
    }
  }

  /**
   * The database was reached but the statement failed (a SQL error, the statement timeout, a read-only
   * violation) or could not be reached; {@code message} holds no credentials.
   */
  record Failed(String statement, String message, boolean timedOut) implements QueryOutcome {
    public Failed {
      Objects.requireNonNull(statement, "statement");
      Objects.requireNonNull(message, "message");
    }
  }
}
