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

  private static final String PG_WRITES = """
      SELECT 'superuser' AS privilege FROM pg_catalog.pg_roles WHERE rolname = current_user AND rolsuper
      UNION ALL SELECT 'CREATEROLE' FROM pg_catalog.pg_roles WHERE rolname = current_user AND rolcreaterole
      UNION ALL SELECT 'CREATEDB' FROM pg_catalog.pg_roles WHERE rolname = current_user AND rolcreatedb
      UNION ALL SELECT 'BYPASSRLS' FROM pg_catalog.pg_roles WHERE rolname = current_user AND rolbypassrls
      UNION ALL (SELECT 'write on ' || n.nspname || '.' || c.relname
        FROM pg_catalog.pg_class c JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace
        WHERE n.nspname NOT IN ('pg_catalog', 'information_schema') AND n.nspname NOT LIKE 'pg_toast%'
          AND ((c.relkind IN ('r', 'p', 'v', 'f')
                AND (has_table_privilege(c.oid, 'INSERT, UPDATE, DELETE, TRUNCATE')
                     OR has_any_column_privilege(c.oid, 'INSERT, UPDATE')))
               OR (c.relkind = 'S' AND has_sequence_privilege(c.oid, 'UPDATE')))
        ORDER BY 1 LIMIT 20)
      UNION ALL (SELECT 'CREATE on schema ' || nspname FROM pg_catalog.pg_namespace
        WHERE nspname NOT IN ('pg_catalog', 'information_schema') AND nspname NOT LIKE 'pg_%'
          AND has_schema_privilege(oid, 'CREATE') ORDER BY 1)""";
  private static final java.util.regex.Pattern MYSQL_WRITE = java.util.regex.Pattern.compile(
      "\\b(ALL PRIVILEGES|INSERT|UPDATE|DELETE|CREATE|DROP|ALTER|INDEX|FILE|SUPER|GRANT OPTION|EXECUTE)\\b");

  private SchemaQueries() {}

  /**
   * The tables and views (lower-case names) with at least one column {@code mask} calls sensitive; null when
   * the catalog could not be read.
   */
  static java.util.Set<String> sensitiveTables(JdbcDatabase database, Dialect dialect, ColumnMask mask) {
    QueryOutcome columns = database.runInternal(dialect == Dialect.POSTGRESQL ? PG_COLUMNS : MYSQL_COLUMNS);
    if (!(columns instanceof QueryOutcome.Rows rows) || rows.result().truncated()) {
      return null;
    }
    java.util.Set<String> tables = new java.util.HashSet<>();
    for (List<String> row : rows.result().rows()) {
      if (mask.sensitive(row.get(2))) {
        tables.add(row.get(1).toLowerCase(java.util.Locale.ROOT));
      }
    }
    return tables;
  }

  static RoleCheck roleCheck(JdbcDatabase database, Dialect dialect) {
    QueryOutcome outcome = database.runInternal(dialect == Dialect.POSTGRESQL ? PG_WRITES : "SHOW GRANTS");
    if (outcome instanceof QueryOutcome.Failed failed) {
      return new RoleCheck(false, List.of(), failed.message());
    }
    if (!(outcome instanceof QueryOutcome.Rows rows)) {
      return new RoleCheck(false, List.of(), "the privileges could not be read");
    }
    List<String> writes = new ArrayList<>();
    for (List<String> row : rows.result().rows()) {
      if (dialect == Dialect.POSTGRESQL || MYSQL_WRITE.matcher(row.get(0)).find()) {
        writes.add(row.get(0));
      }
    }
    return new RoleCheck(true, writes, "");
  }

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
