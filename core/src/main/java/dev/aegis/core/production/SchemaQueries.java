package dev.aegis.core.production;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** {@code describe_schema}: tables with row estimates, then their columns and types, read from the catalog. */
final class SchemaQueries {
  private static final String PG_TABLES = """
      SELECT n.nspname AS schema, c.relname AS name,
             CASE WHEN c.reltuples >= 0 THEN c.reltuples::bigint ELSE coalesce(s.n_live_tup, 0) END AS estimate
      FROM pg_catalog.pg_class c
      JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace
      LEFT JOIN pg_catalog.pg_stat_all_tables s ON s.relid = c.oid
      WHERE c.relkind IN ('r', 'p', 'v', 'm', 'f')
        AND n.nspname NOT IN ('pg_catalog', 'information_schema') AND n.nspname NOT LIKE 'pg_toast%'
      ORDER BY 1, 2""";
  private static final String PG_COLUMNS = """
      SELECT table_schema AS schema, table_name AS name, column_name AS col, data_type AS type,
             is_nullable AS nullable
      FROM information_schema.columns
      WHERE table_schema NOT IN ('pg_catalog', 'information_schema')
      ORDER BY table_schema, table_name, ordinal_position""";
  private static final String MYSQL_TABLES = """
      SELECT table_schema AS `schema`, table_name AS name, coalesce(table_rows, 0) AS estimate
      FROM information_schema.tables WHERE table_schema = database() ORDER BY 1, 2""";
  private static final String MYSQL_COLUMNS = """
      SELECT table_schema AS `schema`, table_name AS name, column_name AS col, column_type AS type,
             is_nullable AS nullable
      FROM information_schema.columns WHERE table_schema = database()
      ORDER BY table_schema, table_name, ordinal_position""";

  private SchemaQueries() {}

  static QueryOutcome describe(JdbcDatabase database, Dialect dialect) {
    String tablesSql = dialect == Dialect.POSTGRESQL ? PG_TABLES : MYSQL_TABLES;
    QueryOutcome tables = database.runInternal(tablesSql);
    if (!(tables instanceof QueryOutcome.Rows tableRows)) {
      return tables;
    }
    QueryOutcome columns = database.runInternal(dialect == Dialect.POSTGRESQL ? PG_COLUMNS : MYSQL_COLUMNS);
    if (!(columns instanceof QueryOutcome.Rows columnRows)) {
      return columns;
    }
    Map<String, List<String>> byTable = new LinkedHashMap<>();
    for (List<String> row : tableRows.result().rows()) {
      byTable.put(row.get(0) + "." + row.get(1), new ArrayList<>(List.of("~" + row.get(2) + " rows")));
    }
    for (List<String> row : columnRows.result().rows()) {
      byTable.computeIfAbsent(row.get(0) + "." + row.get(1), k -> new ArrayList<>(List.of("~? rows")))
          .add(row.get(2) + " " + row.get(3) + ("NO".equals(row.get(4)) ? " not null" : ""));
    }
    List<List<String>> lines = new ArrayList<>();
    byTable.forEach((table, facts) -> lines.add(List.of(table + " (" + facts.get(0) + "): "
        + String.join(", ", facts.subList(1, facts.size())))));
    boolean truncated = tableRows.result().truncated() || columnRows.result().truncated();
    return new QueryOutcome.Rows("describe_schema", new QueryResult(List.of("table (estimate): columns"), lines,
        truncated, List.of()));
  }
}
