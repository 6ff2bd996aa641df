package dev.aegis.core.production;

/**
 * Read-only access to a production database for the agent. Every {@link #query} is checked by the
 * {@link StatementGuard} first, then runs in its own read-only transaction that is always rolled back, under
 * a statement timeout and a row cap, with secret and personal columns masked (see {@link ColumnMask}).
 * Credentials never appear in an outcome. Open one with {@link ProductionDatabases#open}.
 */
public interface ProductionDatabase {
  /** Runs one read statement; never throws for anything the model can send. */
  QueryOutcome query(String sql);

  /** Tables, their columns and types, and row estimates, as text for the model (or a failure). */
  QueryOutcome describeSchema();

  /** What the URL's user could change if Aegis did not stop it (for {@code aegis status}); never throws. */
  RoleCheck roleCheck();

  /** Where it points, without the password. */
  String display();
}
