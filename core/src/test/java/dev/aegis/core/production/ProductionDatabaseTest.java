package dev.aegis.core.production;

import static org.assertj.core.api.Assertions.assertThat;

import dev.aegis.core.support.LocalPostgres;
import dev.aegis.core.support.ShopDatabase;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The JDBC layer against a real PostgreSQL started by the test, each enforcement layer on its own. */
class ProductionDatabaseTest {
  private static LocalPostgres pg;
  private static Map<String, String> before;

  @BeforeAll
  static void startPostgres() throws Exception {
    pg = LocalPostgres.start();
    ShopDatabase.create(pg);
    try (var c = pg.admin("shop"); var st = c.createStatement()) {
      st.execute("CREATE ROLE aegis_half LOGIN PASSWORD 'half-pw-1234'");
      st.execute("GRANT CONNECT ON DATABASE shop TO aegis_half");
      st.execute("GRANT USAGE ON SCHEMA public TO aegis_half");
      st.execute("GRANT SELECT ON ALL TABLES IN SCHEMA public TO aegis_half");
      st.execute("GRANT INSERT ON audit_events TO aegis_half");
    }
    before = ShopDatabase.checksums(pg);
  }

  @AfterAll
  static void stopPostgres() throws Exception {
    if (pg != null) {
      try {
        assertThat(ShopDatabase.checksums(pg)).as("no test changed the data").isEqualTo(before);
      } finally {
        pg.close();
      }
    }
  }

  private static JdbcDatabase reader(DatabaseSettings settings) {
    return new JdbcDatabase(DatabaseUrl.parse(pg.url(ShopDatabase.READER, ShopDatabase.READER_PASSWORD, "shop")),
        settings);
  }

  /** The superuser: a role that CAN write, to show Aegis holds read-only without the role's help. */
  private static JdbcDatabase writer(DatabaseSettings settings) {
    return new JdbcDatabase(DatabaseUrl.parse(pg.url(LocalPostgres.ADMIN, LocalPostgres.ADMIN_PASSWORD, "shop")),
        settings);
  }

  private static QueryResult rows(QueryOutcome outcome) {
    assertThat(outcome).isInstanceOf(QueryOutcome.Rows.class);
    return ((QueryOutcome.Rows) outcome).result();
  }

  private static QueryOutcome.Failed failed(QueryOutcome outcome) {
    assertThat(outcome).isInstanceOf(QueryOutcome.Failed.class);
    return (QueryOutcome.Failed) outcome;
  }

  @Test
  void aSelectReturnsItsRowsAsText() {
    QueryResult result = rows(reader(DatabaseSettings.defaults())
        .query("SELECT id, currency, status FROM orders WHERE status = 'failed'"));
    assertThat(result.columns()).containsExactly("id", "currency", "status");
    assertThat(result.rows()).containsExactly(List.of("1003", "eur", "failed"));
    assertThat(result.toText()).contains("1003 | eur | failed").contains("(1 row)");
  }

  @Test
  void rowsPastTheCapAreCutAndSaidToBeCut() {
    QueryResult result = rows(reader(DatabaseSettings.defaults().withMaxRows(10))
        .query("SELECT g FROM generate_series(1, 100000) g"));
    assertThat(result.rowCount()).isEqualTo(10);
    assertThat(result.truncated()).isTrue();
    assertThat(result.toText()).contains("more rows exist");
  }

  @Test
  void aSlowQueryIsStoppedByTheStatementTimeout() {
    long start = System.nanoTime();
    QueryOutcome outcome = reader(DatabaseSettings.defaults().withStatementTimeout(Duration.ofSeconds(1)))
        .query("SELECT count(*) FROM generate_series(1, 1000000) a, generate_series(1, 1000000) b");
    assertThat(failed(outcome).timedOut()).isTrue();
    assertThat(failed(outcome).message()).contains("statement timeout");
    assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(8));
  }

  @Test
  void theTimeoutStopsPgSleepEvenPastTheGuard() {
    long start = System.nanoTime();
    QueryOutcome outcome = writer(DatabaseSettings.defaults().withStatementTimeout(Duration.ofSeconds(1)))
        .runInternal("SELECT pg_sleep(100)");
    assertThat(failed(outcome).timedOut()).isTrue();
    assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(8));
  }

  @Test
  void theSessionRefusesWritesEvenForARoleThatCanWriteAndPastTheGuard() {
    JdbcDatabase db = writer(DatabaseSettings.defaults());
    for (String write : List.of(
        "INSERT INTO audit_events (note) VALUES ('written')",
        "UPDATE orders SET total_cents = 0",
        "DELETE FROM orders",
        "WITH gone AS (DELETE FROM orders RETURNING id) SELECT count(*) FROM gone",
        "SELECT nextval('orders_id_seq')",
        "CREATE TABLE evil (id int)",
        "SELECT * FROM orders FOR UPDATE")) {
      QueryOutcome.Failed failure = failed(db.runInternal(write));
      assertThat(failure.message()).as(write).contains("read-only transaction").contains("25006");
    }
  }

  @Test
  void theTransactionCannotBeTurnedBackToReadWrite() {
    QueryOutcome.Failed failure = failed(writer(DatabaseSettings.defaults()).runInternal("SET TRANSACTION READ WRITE"));
    assertThat(failure.message()).contains("must be set before any query");
    assertThat(failed(writer(DatabaseSettings.defaults())
        .runInternal("SET TRANSACTION READ WRITE; DELETE FROM orders")).message())
        .contains("must be set before any query");
    assertThat(failed(writer(DatabaseSettings.defaults())
        .runInternal("SELECT set_config('transaction_read_only', 'off', true)")).message())
        .contains("must be set before any query");
  }

  @Test
  void aRefusedStatementNeverReachesTheDatabase() {
    QueryOutcome outcome = writer(DatabaseSettings.defaults()).query("DELETE FROM orders");
    assertThat(outcome).isInstanceOf(QueryOutcome.Refused.class);
  }

  @Test
  void secretAndPersonalColumnsAreMasked() {
    QueryResult result = rows(reader(DatabaseSettings.defaults()).query("SELECT * FROM customers ORDER BY id"));
    assertThat(result.masked()).containsExactly("email", "password_hash");
    assertThat(result.toText()).contains("Alice").doesNotContain("alice@example.com").doesNotContain("$2b$12$");
  }

  @Test
  void renamingOrComputingFromAMaskedColumnDoesNotUnmaskIt() {
    ProductionDatabase db = reader(DatabaseSettings.defaults());
    for (String sql : List.of(
        "SELECT email AS contact FROM customers",
        "SELECT x.contact FROM (SELECT email AS contact FROM customers) x",
        "SELECT lower(email) AS l FROM customers",
        "SELECT name || ' ' || password_hash AS info FROM customers",
        "SELECT row_to_json(c) AS j FROM customers c",
        "SELECT c::text AS t FROM customers c")) {
      String text = rows(db.query(sql)).toText();
      assertThat(text).as(sql).doesNotContain("alice@example.com");
    }
    for (String sql : List.of(
        "SELECT row_to_json(c) AS j FROM customers c",
        "SELECT c::text AS t FROM customers c",
        "SELECT ascii(substr(c::text, 20, 1)) AS a FROM customers c",
        "SELECT (SELECT string_agg(x::text, ',') FROM customers x) AS s")) {
      assertThat(rows(db.query(sql)).toText()).as(sql).doesNotContain("$2b$12$").contains("[masked]");
    }
  }

  @Test
  void computedValuesFromTablesWithoutSensitiveColumnsAreShown() {
    QueryResult result = rows(reader(DatabaseSettings.defaults())
        .query("SELECT status, count(*) AS n, lower(currency) AS c FROM orders GROUP BY 1, 3 ORDER BY 1"));
    assertThat(result.masked()).isEmpty();
    assertThat(result.rows()).contains(List.of("paid", "3", "eur"));
  }

  @Test
  void anAllowedColumnIsShown() {
    ColumnMask mask = new ColumnMask(ColumnMask.DEFAULT_PATTERNS, List.of("email"));
    QueryResult result = rows(reader(DatabaseSettings.defaults().withMask(mask))
        .query("SELECT email, password_hash FROM customers WHERE id = 1"));
    assertThat(result.rows()).containsExactly(List.of("alice@example.com", ColumnMask.MASKED));
  }

  @Test
  void theSchemaListsTablesColumnsTypesAndEstimates() {
    String text = rows(reader(DatabaseSettings.defaults()).describeSchema()).toText();
    assertThat(text).contains("public.orders (~4 rows): id integer not null, customer_id integer, total_cents "
        + "integer not null, currency text not null, status text not null");
    assertThat(text).contains("public.customers (~3 rows)");
  }

  @Test
  void aWrongPasswordFailsWithoutShowingThePassword() {
    String password = "wrong-secret-pw-9981";
    JdbcDatabase db = new JdbcDatabase(DatabaseUrl.parse(pg.url(ShopDatabase.READER, password, "shop")),
        DatabaseSettings.defaults());
    QueryOutcome.Failed failure = failed(db.query("SELECT 1"));
    assertThat(failure.message()).contains("password authentication failed").doesNotContain(password);
    assertThat(db.display()).doesNotContain(password).contains(ShopDatabase.READER + "@127.0.0.1");
  }

  @Test
  void aReadOnlyRoleIsReportedAsUnableToWrite() {
    RoleCheck check = reader(DatabaseSettings.defaults()).roleCheck();
    assertThat(check.reached()).isTrue();
    assertThat(check.writes()).isEmpty();
    assertThat(check.canWrite()).isFalse();
  }

  @Test
  void aRoleThatCanWriteIsReportedWithWhatItCanWrite() {
    RoleCheck half = new JdbcDatabase(DatabaseUrl.parse(pg.url("aegis_half", "half-pw-1234", "shop")),
        DatabaseSettings.defaults()).roleCheck();
    assertThat(half.canWrite()).isTrue();
    assertThat(half.writes()).containsExactly("write on public.audit_events");
    assertThat(writer(DatabaseSettings.defaults()).roleCheck().writes()).contains("superuser", "CREATEROLE");
  }

  @Test
  void anUnreachableDatabaseIsReportedNotThrown() {
    RoleCheck check = new JdbcDatabase(DatabaseUrl.parse(pg.url(ShopDatabase.READER, "bad-password-77", "shop")),
        DatabaseSettings.defaults()).roleCheck();
    assertThat(check.reached()).isFalse();
    assertThat(check.problem()).contains("password authentication failed").doesNotContain("bad-password-77");
  }
}
