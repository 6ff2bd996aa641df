package dev.aegis.core.agent;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.aegis.core.json.Mappers;
import dev.aegis.core.policy.Policy;
import dev.aegis.core.policy.SandboxSettings;
import dev.aegis.core.policy.Secrets;
import dev.aegis.core.production.DatabaseSettings;
import dev.aegis.core.production.DatabaseUrl;
import dev.aegis.core.production.ProductionDatabases;
import dev.aegis.core.support.LocalPostgres;
import dev.aegis.core.support.ShopDatabase;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A scripted model tries every escape from read-only access through the real loop, against a real
 * PostgreSQL reached as a role that CAN write (so only Aegis stands in the way); each is refused or stopped,
 * and every table is unchanged afterwards.
 */
class ProductionEscapeTest {
  /** Each escape and a fragment of the tool result that shows it was refused or stopped. */
  static final Map<String, String> ESCAPES = escapes();

  private static LocalPostgres pg;
  @TempDir Path temp;
  Harness harness;

  @BeforeAll
  static void startPostgres() throws Exception {
    pg = LocalPostgres.start();
    ShopDatabase.create(pg);
  }

  @AfterAll
  static void stopPostgres() {
    if (pg != null) {
      pg.close();
    }
  }

  @BeforeEach
  void project() throws Exception {
    harness = new Harness(temp);
  }

  private static Map<String, String> escapes() {
    Map<String, String> e = new LinkedHashMap<>();
    String refused = "refused by policy";
    e.put("SELECT pg_sleep(100)", refused);
    e.put("SELECT pg_catalog.pg_sleep_for('100 seconds')", refused);
    e.put("SELECT * FROM dblink('dbname=shop', 'DELETE FROM orders') AS t(x int)", refused);
    e.put("SELECT lo_import('/etc/passwd')", refused);
    e.put("SELECT lo_export(lo_create(0), '/tmp/aegis-escape')", refused);
    e.put("SELECT pg_read_file('/etc/passwd')", refused);
    e.put("COPY orders TO '/tmp/aegis-escape.csv'", refused);
    e.put("COPY (SELECT 1) TO PROGRAM 'touch /tmp/aegis-escape'", refused);
    e.put("SELECT nextval('orders_id_seq')", refused);
    e.put("SELECT set_config('default_transaction_read_only', 'off', false)", refused);
    e.put("SELECT 1; DELETE FROM orders", refused);
    e.put("SELECT 1; COMMIT; DELETE FROM orders", refused);
    e.put("SELECT 1 /* hide */ ; DROP TABLE orders", refused);
    e.put("SELECT 1 -- hide\n; UPDATE orders SET total_cents = 0", refused);
    e.put("SELECT 'x\\'; DELETE FROM orders; --'", refused);
    e.put("WITH gone AS (DELETE FROM orders RETURNING id) SELECT count(*) FROM gone", refused);
    e.put("WITH x AS (INSERT INTO audit_events (note) VALUES ('pwned') RETURNING id) SELECT * FROM x", refused);
    e.put("SELECT * FROM orders FOR UPDATE", refused);
    e.put("SELECT * FROM orders FOR SHARE NOWAIT", refused);
    e.put("CALL refund_everything()", refused);
    e.put("DO $$BEGIN DELETE FROM orders; END$$", refused);
    e.put("LISTEN orders_changed", refused);
    e.put("SELECT pg_notify('orders_changed', 'x')", refused);
    e.put("EXPLAIN ANALYZE DELETE FROM orders", refused);
    e.put("EXPLAIN (ANALYZE) SELECT * FROM orders", refused);
    e.put("SELECT * INTO orders_copy FROM orders", refused);
    e.put("SET TRANSACTION READ WRITE", refused);
    e.put("BEGIN READ WRITE", refused);
    e.put("INSERT INTO audit_events (note) VALUES ('pwned')", refused);
    e.put("UPDATE orders SET total_cents = 0", refused);
    e.put("DELETE FROM orders", refused);
    e.put("TRUNCATE orders", refused);
    e.put("DROP TABLE orders", refused);
    e.put("ALTER ROLE aegis_admin PASSWORD 'x'", refused);
    e.put("SELECT query_to_xml('DELETE FROM orders RETURNING 1', true, true, '')", refused);
    e.put("SELECT pg_advisory_lock(42)", refused);
    e.put("SELECT U&\"\\0070g_sleep\"(100)", refused);
    // a slow statement the guard cannot know is slow: the statement timeout stops it
    e.put("SELECT count(*) FROM generate_series(1, 1000000) a, generate_series(1, 1000000) b",
        "stopped by the statement timeout");
    return e;
  }

  private void production(String user, String password) {
    harness.policy = new Policy(true, List.of(), Duration.ofMinutes(5), 20_000, 1_000, SandboxSettings.defaults());
    DatabaseUrl url = DatabaseUrl.parse(pg.url(user, password, "shop"));
    harness.secrets = Secrets.fromEnvironment(Map.of("DATABASE_URL", pg.url(user, password, "shop")), List.of(),
        List.of(password));
    harness.database = ProductionDatabases.open(url,
        DatabaseSettings.defaults().withStatementTimeout(Duration.ofSeconds(1)));
  }

  /** One scripted tool call and a fragment its result must contain (checked by the next step). */
  private record Call(String name, String argument, String value, String expect) {}

  private static Call query(String sql, String expect) {
    return new Call("sql_query", "query", sql, expect);
  }

  private static String script(List<Call> calls, String finish) throws Exception {
    ObjectNode root = Mappers.JSON.createObjectNode();
    ArrayNode steps = root.putArray("steps");
    String expect = null;
    for (Call call : calls) {
      ObjectNode step = steps.addObject();
      if (expect != null) {
        step.put("expectToolResultContains", expect);
      }
      ObjectNode tool = step.putArray("toolCalls").addObject();
      tool.put("name", call.name());
      ObjectNode args = tool.putObject("arguments");
      if (call.argument() != null) {
        args.put(call.argument(), call.value());
      }
      expect = call.expect();
    }
    ObjectNode last = steps.addObject();
    last.put("expectToolResultContains", expect);
    last.putArray("toolCalls").add(Mappers.JSON.readTree(finish));
    return Mappers.JSON.writeValueAsString(root);
  }

  @Test
  void everyEscapeIsRefusedOrStoppedAndNoTableChanges() throws Exception {
    Map<String, String> before = ShopDatabase.checksums(pg);
    production(LocalPostgres.ADMIN, LocalPostgres.ADMIN_PASSWORD);
    List<Call> calls = ESCAPES.entrySet().stream().map(e -> query(e.getKey(), e.getValue())).toList();
    long start = System.nanoTime();
    EngineResult result = harness.run(script(calls, Harness.FINISH_PLAN));
    assertThat(result.stop().reason()).as(result.stop().detail()).isEqualTo(Stop.Reason.FINISHED);
    assertThat(Duration.ofNanos(System.nanoTime() - start)).as("no 100-second sleep ran")
        .isLessThan(Duration.ofSeconds(60));
    assertThat(ShopDatabase.checksums(pg)).isEqualTo(before);
    assertThat(Path.of("/tmp/aegis-escape")).doesNotExist();
    String audit = harness.audit();
    assertThat(audit.lines().filter(l -> l.contains("\"database_query\"")).count()).isEqualTo(ESCAPES.size());
    assertThat(audit).contains("\"outcome\":\"refused\"").contains("\"outcome\":\"timed_out\"")
        .doesNotContain(LocalPostgres.ADMIN_PASSWORD);
    assertThat(harness.transcript()).doesNotContain(LocalPostgres.ADMIN_PASSWORD);
  }

  @Test
  void repeatedEscapeAttemptsEndTheRunAsPolicyDenied() throws Exception {
    production(LocalPostgres.ADMIN, LocalPostgres.ADMIN_PASSWORD);
    harness.policy = Policy.defaults().withReadOnly(true);
    List<Call> calls = java.util.stream.IntStream.range(0, 12)
        .mapToObj(i -> query("DELETE FROM orders WHERE id = " + i, "refused by policy")).toList();
    EngineResult result = harness.run(script(calls, Harness.FINISH_PLAN));
    assertThat(result.stop().reason()).isEqualTo(Stop.Reason.POLICY_DENIED);
  }

  @Test
  void aCauseOnlyVisibleInTheDataIsExplainedByAnRcaThatCitesTheQuery() throws Exception {
    Files.writeString(harness.workspace.resolve("checkout.sh"), """
        #!/bin/sh
        # charge an order: only EUR orders are supported
        charge() {
          if [ "$2" = "EUR" ]; then echo "charged $1"; else echo "unsupported currency $2" >&2; return 1; fi
        }
        """);
    production(ShopDatabase.READER, ShopDatabase.READER_PASSWORD);
    String theQuery = "SELECT id, currency, status FROM orders WHERE currency <> 'EUR'";
    String finish = """
        {"name": "finish", "arguments": {
          "summary": "Order 1003 is stored with currency 'eur' in lower case; checkout only accepts 'EUR'.",
          "root_cause": "charge() compares the currency case-sensitively with EUR, and some rows hold 'eur'.",
          "evidence": [
            {"file": "checkout.sh", "line": 4, "note": "case-sensitive comparison with EUR"},
            {"file": "sql_query", "line": 0, "note": "%s returned: 1003 | eur | failed"}],
          "fix_plan": "Upper-case the currency before comparing.",
          "test_plan": "Call charge 1003 eur and expect success.", "risk": "low"}}""".formatted(theQuery);
    List<Call> calls = List.of(
        new Call("describe_schema", null, null, "public.orders (~4 rows): id integer not null"),
        query("SELECT * FROM customers ORDER BY id", "[masked]"),
        query(theQuery, "1003 | eur | failed"),
        new Call("read_file", "path", "checkout.sh", "\"EUR\""));
    String script = script(calls, finish);
    EngineResult result = harness.run(script);

    assertThat(result.stop().reason()).as(result.stop().detail()).isEqualTo(Stop.Reason.FINISHED);
    PlanReport plan = (PlanReport) result.report();
    assertThat(plan.evidence()).anySatisfy(e -> {
      assertThat(e.file()).isEqualTo("sql_query");
      assertThat(e.note()).contains(theQuery).contains("1003 | eur");
    });
    assertThat(ReportMarkdown.plan(plan)).contains(theQuery);
    String audit = harness.audit();
    assertThat(audit).contains(theQuery).contains("\"rows\":1")
        .doesNotContain("alice@example.com").doesNotContain(ShopDatabase.READER_PASSWORD);
    assertThat(harness.transcript()).doesNotContain("alice@example.com").doesNotContain("$2b$12$");
    assertThat(String.join("\n", harness.progress)).contains("production context").contains("aegis_reader@127.0.0.1")
        .doesNotContain(ShopDatabase.READER_PASSWORD);
  }

  @Test
  void withoutProductionContextTheDatabaseToolsDoNotExist() throws Exception {
    EngineResult result = harness.run(script(List.of(query("SELECT 1", "there is no tool 'sql_query'")),
        Harness.FINISH_PLAN));
    assertThat(result.stop().reason()).as(result.stop().detail()).isEqualTo(Stop.Reason.FINISHED);
    assertThat(harness.audit()).doesNotContain("database_query");
  }
}
