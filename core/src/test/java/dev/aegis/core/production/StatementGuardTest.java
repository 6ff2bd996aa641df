package dev.aegis.core.production;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

class StatementGuardTest {
  private final StatementGuard postgres = new StatementGuard(Dialect.POSTGRESQL);
  private final StatementGuard mysql = new StatementGuard(Dialect.MYSQL);

  @ParameterizedTest
  @ValueSource(strings = {
      "SELECT 1",
      "select id, total from orders where customer_id = 42 order by id limit 10",
      "SELECT * FROM orders;",
      "  SELECT count(*) FROM orders ;  ",
      "WITH recent AS (SELECT * FROM orders WHERE created_at > now() - interval '1 day') SELECT * FROM recent",
      "EXPLAIN SELECT * FROM orders",
      "EXPLAIN (COSTS OFF) SELECT * FROM orders",
      "SHOW server_version",
      "SELECT 'it''s; DROP TABLE orders' AS text",
      "SELECT $$; DELETE FROM orders$$",
      "SELECT $tag$ ; insert $tag$",
      "SELECT \"update\", \"delete\" FROM audit_columns",
      "SELECT created_at, updated_at, deleted_at FROM orders",
      "SELECT 1 -- a comment; DROP TABLE orders\n",
      "SELECT /* ; DELETE FROM orders */ 1",
      "SELECT /* nested /* ; DELETE */ still comment */ 1",
      "SELECT replace(name, 'a', 'b') FROM customers",
      "SELECT o.id FROM orders o JOIN customers c ON c.id = o.customer_id WHERE c.country = 'NL'",
      "SELECT id FROM orders WHERE status IN ('paid', 'failed') GROUP BY id HAVING count(*) > 1",
      "SELECT $1",
      "SELECT 'caf\u00e9' AS text, \"na\u00efve\" FROM t",
  })
  void readStatementsPass(String sql) {
    assertThat(postgres.check(sql)).isInstanceOf(StatementVerdict.Allowed.class);
  }

  @Test
  void theTrailingSemicolonIsRemovedFromTheStatementThatRuns() {
    assertThat(postgres.check("SELECT 1 ; ")).isEqualTo(new StatementVerdict.Allowed("SELECT 1"));
  }

  @ParameterizedTest
  @ValueSource(strings = {
      "SELECT 1; SELECT 2",
      "SELECT 1; DROP TABLE orders",
      "SELECT 1;; ",
      "SELECT 1 /* hide */; DELETE FROM orders",
      "SELECT 1 -- comment\n; DELETE FROM orders",
      "SELECT '' ; DELETE FROM orders",
      "SELECT $$x$$; DELETE FROM orders",
  })
  void aSecondStatementIsRefused(String sql) {
    assertRefused(postgres, sql, "more than one statement");
  }

  @ParameterizedTest
  @ValueSource(strings = {
      "INSERT INTO orders VALUES (1)",
      "UPDATE orders SET total = 0",
      "DELETE FROM orders",
      "DROP TABLE orders",
      "TRUNCATE orders",
      "CREATE TABLE x (id int)",
      "ALTER TABLE orders ADD COLUMN x int",
      "GRANT ALL ON orders TO public",
      "CALL refund_all()",
      "DO $$BEGIN DELETE FROM orders; END$$",
      "LISTEN orders_changed",
      "NOTIFY orders_changed",
      "COPY orders TO '/tmp/orders.csv'",
      "COPY orders FROM PROGRAM 'rm -rf /'",
      "SET default_transaction_read_only = off",
      "RESET ALL",
      "BEGIN",
      "COMMIT",
      "VACUUM orders",
      "LOCK TABLE orders",
      "VALUES (1)",
      "TABLE orders",
      "(SELECT 1)",
      "'SELECT'",
  })
  void otherStatementsAreRefused(String sql) {
    assertThat(postgres.check(sql)).isInstanceOf(StatementVerdict.Refused.class);
  }

  @ParameterizedTest
  @ValueSource(strings = {
      "WITH gone AS (DELETE FROM orders RETURNING *) SELECT * FROM gone",
      "WITH x AS (INSERT INTO orders VALUES (1) RETURNING id) SELECT id FROM x",
      "WITH x AS (UPDATE orders SET total = 0 RETURNING id) SELECT id FROM x",
      "WITH x AS (MERGE INTO orders USING t ON true WHEN MATCHED THEN DELETE) SELECT 1",
      "with recursive r as (select 1) , w as (delete from orders) select * from r",
  })
  void aWritingCteIsRefused(String sql) {
    assertThat(postgres.check(sql)).isInstanceOf(StatementVerdict.Refused.class);
  }

  @ParameterizedTest
  @ValueSource(strings = {
      "SELECT * FROM orders FOR UPDATE",
      "SELECT * FROM orders FOR SHARE",
      "SELECT * FROM orders FOR NO KEY UPDATE",
      "SELECT * FROM orders FOR KEY SHARE SKIP LOCKED",
      "select * from orders for /* hidden */ update",
  })
  void lockingReadsAreRefused(String sql) {
    assertThat(postgres.check(sql)).isInstanceOf(StatementVerdict.Refused.class);
  }

  @ParameterizedTest
  @ValueSource(strings = {
      "EXPLAIN ANALYZE SELECT * FROM orders",
      "EXPLAIN ANALYSE SELECT * FROM orders",
      "EXPLAIN (ANALYZE true) SELECT * FROM orders",
      "EXPLAIN (FORMAT JSON, ANALYZE) DELETE FROM orders",
      "EXPLAIN DELETE FROM orders",
  })
  void explainAnalyzeIsRefused(String sql) {
    assertThat(postgres.check(sql)).isInstanceOf(StatementVerdict.Refused.class);
  }

  @ParameterizedTest
  @ValueSource(strings = {
      "SELECT pg_sleep(100)",
      "SELECT pg_sleep_for('100 seconds')",
      "SELECT pg_catalog.pg_sleep(100)",
      "SELECT \"pg_sleep\"(100)",
      "SELECT PG_SLEEP (100)",
      "SELECT pg_sleep/**/(100)",
      "SELECT * FROM dblink('host=evil', 'DELETE FROM orders') AS t(x int)",
      "SELECT dblink_exec('DELETE FROM orders')",
      "SELECT lo_import('/etc/passwd')",
      "SELECT lo_export(1, '/tmp/x')",
      "SELECT pg_read_file('/etc/passwd')",
      "SELECT pg_read_binary_file('/etc/passwd')",
      "SELECT pg_ls_dir('/')",
      "SELECT nextval('orders_id_seq')",
      "SELECT setval('orders_id_seq', 1)",
      "SELECT set_config('default_transaction_read_only', 'off', false)",
      "SELECT pg_advisory_lock(1)",
      "SELECT pg_notify('c', 'x')",
      "SELECT pg_terminate_backend(123)",
      "SELECT query_to_xml('DELETE FROM orders RETURNING 1', true, true, '')",
      "SELECT * FROM orders WHERE id = (SELECT nextval('s'))",
  })
  void functionsWithSideEffectsAreRefused(String sql) {
    assertRefusedMentioning(postgres, sql, "function");
  }

  @ParameterizedTest
  @ValueSource(strings = {
      "SELECT * INTO copy_of_orders FROM orders",
      "SELECT * FROM orders INTO OUTFILE '/tmp/x'",
  })
  void selectIntoIsRefused(String sql) {
    assertThat(postgres.check(sql)).isInstanceOf(StatementVerdict.Refused.class);
  }

  @ParameterizedTest
  @ValueSource(strings = {
      "SELECT 'a\\'; DELETE FROM orders; --'",
      "SELECT E'\\''; DELETE FROM orders",
      "SELECT U&'\\0041'",
      "SELECT U&\"\\0070g_sleep\"(100)",
      "SELECT 'unterminated",
      "SELECT \"unterminated",
      "SELECT $$unterminated",
      "SELECT 1 /* unterminated",
      "SELECT x\u00a0E'\\'; DELETE FROM orders",
      "SELECT pg_sleep\u2003(100)",
  })
  void textTheServerCouldReadDifferentlyIsRefused(String sql) {
    assertThat(postgres.check(sql)).isInstanceOf(StatementVerdict.Refused.class);
  }

  @ParameterizedTest
  @ValueSource(strings = {
      "SELECT 1 /*! ; DELETE FROM orders */",
      "SELECT 1 /* a /* b */ ; DELETE FROM orders */",
      "SELECT 1 # ; ok\n; DELETE FROM orders",
      "SELECT 1 --; DELETE FROM orders",
      "SELECT \"a\\\"; DELETE FROM orders; \"",
      "SELECT sleep(100)",
      "SELECT benchmark(100000000, md5('x'))",
      "SELECT get_lock('x', 10)",
      "SELECT load_file('/etc/passwd')",
      "SELECT * FROM orders LOCK IN SHARE MODE",
      "SELECT * FROM orders INTO DUMPFILE '/tmp/x'",
      "SELECT 1; SELECT 2",
  })
  void mysqlEscapesAreRefused(String sql) {
    assertThat(mysql.check(sql)).isInstanceOf(StatementVerdict.Refused.class);
  }

  @ParameterizedTest
  @ValueSource(strings = {
      "SELECT `update` FROM t",
      "SELECT 1 # comment",
      "SELECT 1 -- comment",
      "SHOW TABLES",
      "SELECT \"a string; with a semicolon\"",
  })
  void mysqlReadsPass(String sql) {
    assertThat(mysql.check(sql)).isInstanceOf(StatementVerdict.Allowed.class);
  }

  @Test
  void dollarQuotesAreOnlyPostgres() {
    assertRefused(mysql, "SELECT $$; DELETE FROM orders$$", "more than one statement");
  }

  @Test
  void emptyAndBlankStatementsAreRefused() {
    assertThat(postgres.check("")).isInstanceOf(StatementVerdict.Refused.class);
    assertThat(postgres.check(" ; ")).isInstanceOf(StatementVerdict.Refused.class);
    assertThat(postgres.check(null)).isInstanceOf(StatementVerdict.Refused.class);
    assertThat(postgres.check("-- only a comment")).isInstanceOf(StatementVerdict.Refused.class);
  }

  @Test
  void aRefusalTellsTheModelWhatRuns() {
    assertRefusedMentioning(postgres, "DELETE FROM orders", "only one SELECT");
  }

  private static void assertRefused(StatementGuard guard, String sql, String reason) {
    assertRefusedMentioning(guard, sql, reason);
  }

  private static void assertRefusedMentioning(StatementGuard guard, String sql, String text) {
    StatementVerdict verdict = guard.check(sql);
    assertThat(verdict).as(sql).isInstanceOf(StatementVerdict.Refused.class);
    assertThat(((StatementVerdict.Refused) verdict).reason()).as(sql).contains(text);
  }
}
