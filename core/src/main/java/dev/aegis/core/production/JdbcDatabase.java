package dev.aegis.core.production;

import dev.aegis.core.policy.Redactor;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;

/**
 * {@link ProductionDatabase} over JDBC. Layers, each independent of the guard: the connection is opened
 * read-only ({@code default_transaction_read_only} on PostgreSQL), each statement runs in a transaction
 * started {@code READ ONLY} that is checked to be read-only before the statement is sent, and always rolled
 * back; the server's statement timeout and the client's query timeout bound it; at most one row past the cap
 * is fetched.
 */
final class JdbcDatabase implements ProductionDatabase {
  private static final int INTERNAL_MAX_ROWS = 5_000;

  private final DatabaseUrl url;
  private final DatabaseSettings settings;
  private final StatementGuard guard;
  private final Redactor redactor;
  /** Loaded on the first query; null until then, and again when the catalog could not be read. */
  private java.util.Set<String> sensitiveTables;

  JdbcDatabase(DatabaseUrl url, DatabaseSettings settings) {
    this.url = url;
    this.settings = settings;
    this.guard = new StatementGuard(url.dialect());
    this.redactor = Redactor.of(List.of(url.password()));
  }

  @Override
  public QueryOutcome query(String sql) {
    String text = sql == null ? "" : sql;
    StatementVerdict verdict = guard.check(text);
    if (verdict instanceof StatementVerdict.Refused refused) {
      return new QueryOutcome.Refused(text, refused.reason());
    }
    String statement = ((StatementVerdict.Allowed) verdict).statement();
    boolean sensitiveReference = ResultMasking.referencesSensitive(statement, url.dialect(), settings.mask(),
        sensitiveTables());
    return run(statement, sensitiveReference, settings.maxRows());
  }

  private java.util.Set<String> sensitiveTables() {
    if (sensitiveTables == null) {
      sensitiveTables = SchemaQueries.sensitiveTables(this, url.dialect(), settings.mask());
    }
    return sensitiveTables;
  }

  @Override
  public QueryOutcome describeSchema() {
    return SchemaQueries.describe(this, url.dialect());
  }

  @Override
  public RoleCheck roleCheck() {
    return SchemaQueries.roleCheck(this, url.dialect());
  }

  @Override
  public String display() {
    return url.display();
  }

  /** Runs Aegis's own read statement (not the model's) under the same read-only session. */
  QueryOutcome runInternal(String statement) {
    return run(statement, false, INTERNAL_MAX_ROWS);
  }

  private QueryOutcome run(String statement, boolean sensitiveReference, int maxRows) {
    try (Connection connection = connect()) {
      try {
        startReadOnly(connection);
        try (Statement st = connection.createStatement()) {
          st.setMaxRows(maxRows + 1);
          st.setFetchSize(maxRows + 1);
          st.setQueryTimeout((int) settings.statementTimeout().toSeconds() + 5);
          boolean rows = st.execute(statement);
          QueryResult result = rows ? read(st.getResultSet(), sensitiveReference, maxRows)
              : new QueryResult(List.of("result"), List.of(List.of("no rows (update count "
                  + st.getUpdateCount() + ")")), false, List.of());
          return new QueryOutcome.Rows(statement, result);
        }
      } finally {
        connection.rollback();
      }
    } catch (SQLException e) {
      return failed(statement, e);
    } catch (RuntimeException e) {
      return new QueryOutcome.Failed(statement, redactor.redact(e.getClass().getSimpleName() + ": "
          + e.getMessage()), false);
    }
  }

  private Connection connect() throws SQLException {
    Properties props = new Properties();
    if (!url.user().isEmpty()) {
      props.setProperty("user", url.user());
    }
    if (!url.password().isEmpty()) {
      props.setProperty("password", url.password());
    }
    long timeoutMillis = settings.statementTimeout().toMillis();
    if (url.dialect() == Dialect.POSTGRESQL) {
      props.setProperty("ApplicationName", "aegis (read-only)");
      props.setProperty("readOnly", "true");
      props.setProperty("readOnlyMode", "always");
      props.setProperty("connectTimeout", "10");
      props.setProperty("options", "-c default_transaction_read_only=on -c statement_timeout=" + timeoutMillis
          + " -c idle_in_transaction_session_timeout=" + (timeoutMillis + 30_000));
    } else {
      props.setProperty("connectTimeout", "10000");
      props.setProperty("allowMultiQueries", "false");
      props.setProperty("allowLoadLocalInfile", "false");
      props.setProperty("sessionVariables", "transaction_read_only=1,max_execution_time=" + timeoutMillis);
    }
    Connection connection = DriverManager.getConnection(url.jdbcUrl(), props);
    connection.setAutoCommit(false);
    connection.setReadOnly(true);
    return connection;
  }

  private void startReadOnly(Connection connection) throws SQLException {
    long timeoutMillis = settings.statementTimeout().toMillis();
    try (Statement st = connection.createStatement()) {
      if (url.dialect() == Dialect.POSTGRESQL) {
        st.execute("SET TRANSACTION READ ONLY");
        st.execute("SET LOCAL statement_timeout = " + timeoutMillis);
        st.execute("SET LOCAL lock_timeout = " + Math.min(timeoutMillis, 5_000));
        // a query, not SHOW: it takes the transaction's snapshot, after which it can no longer be made read-write
        requireReadOnly(st, "SELECT current_setting('transaction_read_only')", "on");
      } else {
        st.execute("SET SESSION max_execution_time = " + timeoutMillis);
        st.execute("START TRANSACTION READ ONLY");
        requireReadOnly(st, "SELECT @@transaction_read_only", "1");
      }
    }
  }

  /** Fails closed: a session that does not report itself read-only runs nothing. */
  private static void requireReadOnly(Statement st, String check, String expected) throws SQLException {
    try (ResultSet rs = st.executeQuery(check)) {
      if (!rs.next() || !expected.equals(rs.getString(1))) {
        throw new SQLException("the session is not read-only; nothing was run");
      }
    }
  }

  private QueryResult read(ResultSet rs, boolean sensitiveReference, int maxRows) throws SQLException {
    ResultSetMetaData meta = rs.getMetaData();
    int count = meta.getColumnCount();
    List<String> columns = new ArrayList<>();
    boolean[] mask = new boolean[count];
    boolean[] computed = new boolean[count];
    List<String> masked = new ArrayList<>();
    for (int i = 1; i <= count; i++) {
      String label = meta.getColumnLabel(i);
      columns.add(label);
      mask[i - 1] = ResultMasking.masks(meta, i, url.dialect(), settings.mask(), sensitiveReference);
      computed[i - 1] = ResultMasking.computed(meta, i, url.dialect());
      if (mask[i - 1]) {
        masked.add(label);
      }
    }
    List<List<String>> rows = new ArrayList<>();
    boolean truncated = false;
    while (rs.next()) {
      if (rows.size() == maxRows) {
        truncated = true;
        break;
      }
      List<String> row = new ArrayList<>(count);
      for (int i = 1; i <= count; i++) {
        String value = rs.getString(i);
        if (mask[i - 1] && value != null) {
          row.add(ColumnMask.MASKED);
        } else {
          row.add(cell(computed[i - 1] && value != null ? ResultMasking.scrub(value, settings.mask()) : value));
        }
      }
      rows.add(row);
    }
    return new QueryResult(columns, rows, truncated, masked);
  }

  private String cell(String value) {
    if (value == null) {
      return "NULL";
    }
    return value.length() <= settings.maxCellChars() ? value
        : value.substring(0, settings.maxCellChars()) + "... (" + value.length() + " chars)";
  }

  private QueryOutcome failed(String statement, SQLException e) {
    String state = e.getSQLState() == null ? "" : e.getSQLState();
    boolean timedOut = "57014".equals(state) || "HY008".equals(state) || e instanceof java.sql.SQLTimeoutException
        || (e.getMessage() != null && e.getMessage().contains("maximum statement execution time exceeded"));
    String message = redactor.redact(String.valueOf(e.getMessage())).replace(url.password().isEmpty() ? "\0"
        : url.password(), "***");
    return new QueryOutcome.Failed(statement, (timedOut ? "stopped by the statement timeout ("
        + settings.statementTimeout().toSeconds() + " s): " : "") + message
        + (state.isEmpty() ? "" : " [SQLSTATE " + state + "]"), timedOut);
  }
}
