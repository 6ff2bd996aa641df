package dev.aegis.core.agent;

import dev.aegis.core.production.ProductionDatabase;
import dev.aegis.core.production.QueryOutcome;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * {@code sql_query} and {@code describe_schema}, offered only in production context with a database. The
 * database enforces read-only itself ({@link ProductionDatabase}); this class turns its outcomes into tool
 * outcomes (a refusal counts as a policy denial) and writes every query, its outcome and row count to the
 * run's records.
 */
final class DatabaseTools {
  private final ProductionDatabase database;
  private final RunRecords records;

  DatabaseTools(ProductionDatabase database, RunRecords records) {
    this.database = database;
    this.records = records;
  }

  ToolOutcome query(ToolArgs args) {
    String sql = args.string("query");
    return outcome("sql_query", database.query(sql));
  }

  ToolOutcome describeSchema(ToolArgs args) {
    return outcome("describe_schema", database.describeSchema());
  }

  private ToolOutcome outcome(String tool, QueryOutcome outcome) {
    Map<String, Object> entry = new LinkedHashMap<>();
    entry.put("tool", tool);
    ToolOutcome result;
    if (outcome instanceof QueryOutcome.Rows rows) {
      entry.put("query", rows.statement());
      entry.put("outcome", "rows");
      entry.put("rows", rows.result().rowCount());
      entry.put("truncated", rows.result().truncated());
      entry.put("masked", rows.result().masked());
      result = ToolOutcome.ok(rows.result().toText());
    } else if (outcome instanceof QueryOutcome.Refused refused) {
      entry.put("query", refused.statement());
      entry.put("outcome", "refused");
      entry.put("rows", 0);
      entry.put("reason", refused.reason());
      result = ToolOutcome.denied(refused.reason());
    } else {
      QueryOutcome.Failed failed = (QueryOutcome.Failed) outcome;
      entry.put("query", failed.statement());
      entry.put("outcome", failed.timedOut() ? "timed_out" : "failed");
      entry.put("rows", 0);
      entry.put("reason", failed.message());
      result = ToolOutcome.error(tool + " failed: " + failed.message());
    }
    records.note("database_query", entry);
    return result;
  }
}
