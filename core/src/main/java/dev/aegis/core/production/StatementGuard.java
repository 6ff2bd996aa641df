package dev.aegis.core.production;

import dev.aegis.core.production.SqlToken.Kind;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;

/**
 * The first layer of read-only enforcement: only one read statement passes. Allowed are {@code SELECT},
 * {@code WITH ... SELECT} with no data-modifying part, {@code EXPLAIN} of those without {@code ANALYZE}, and
 * {@code SHOW}. Refused are: more than one statement (a single trailing semicolon is fine), any word that
 * writes, locks, changes the session or runs other SQL ({@code INSERT}, {@code UPDATE}, {@code DELETE},
 * {@code MERGE}, {@code INTO}, {@code COPY}, {@code CALL}, {@code DO}, {@code LISTEN}, {@code NOTIFY},
 * {@code FOR UPDATE}/{@code SHARE}...), and calls to functions with side effects ({@code pg_sleep},
 * {@code dblink}, {@code lo_*}, {@code pg_read_file}, {@code nextval}, {@code set_config}, advisory locks,
 * {@code query_to_xml}; MySQL's {@code sleep}, {@code benchmark}, {@code get_lock}, {@code load_file}...).
 * Text whose reading depends on the server (see {@link SqlTokenizer}) is refused too.
 *
 * <p>It is deliberately stricter than needed: a refused read costs the model one rephrasing, an allowed
 * write costs the maintainer their data. It is not the only layer: the session is read-only and rolled
 * back, and a statement timeout and a row cap apply (see {@link ProductionDatabase}). Pure: no I/O.
 */
public final class StatementGuard {
  private static final Set<String> FIRST_WORDS = Set.of("select", "with", "explain", "show");
  private static final Set<String> FORBIDDEN_WORDS = Set.of(
      "insert", "update", "delete", "merge", "upsert", "truncate", "drop", "alter", "create",
      "grant", "revoke", "copy", "into", "outfile", "dumpfile", "call", "do", "listen", "unlisten", "notify",
      "analyze", "analyse", "execute", "prepare", "vacuum", "reindex", "refresh", "cluster", "handler",
      "import", "load", "lock", "unlock", "rename", "savepoint", "commit", "rollback", "begin", "discard");
  private static final Set<String> LOCKING_AFTER_FOR = Set.of("update", "share", "no", "key");
  private static final Set<String> FORBIDDEN_FUNCTIONS = Set.of(
      "nextval", "setval", "set_config", "pg_read_file", "pg_read_binary_file", "pg_stat_file", "pg_ls_dir",
      "pg_notify", "pg_terminate_backend", "pg_cancel_backend", "pg_reload_conf", "pg_rotate_logfile",
      "pg_switch_wal", "pg_create_restore_point", "pg_logical_emit_message", "pg_file_write", "pg_promote",
      "pg_drop_replication_slot", "pg_import_system_collations", "query_to_xml", "query_to_xmlschema",
      "query_to_xml_and_xmlschema", "cursor_to_xml", "cursor_to_xmlschema", "txid_current", "pg_current_xact_id",
      "sleep", "benchmark", "get_lock", "release_lock", "release_all_locks", "load_file", "sys_exec", "sys_eval");
  private static final List<String> FORBIDDEN_FUNCTION_PREFIXES = List.of(
      "pg_sleep", "dblink", "lo_", "pg_advisory", "pg_try_advisory", "pg_ls_", "pg_read_", "pg_create_",
      "pg_replication_origin", "pg_stat_reset", "xpath_table", "master_pos_wait", "source_pos_wait");

  private final Dialect dialect;

  /** A guard that reads statements as {@code dialect} reads them. */
  public StatementGuard(Dialect dialect) {
    this.dialect = Objects.requireNonNull(dialect, "dialect");
  }

  /** Decides whether {@code sql} may run; never throws for any text. */
  public StatementVerdict check(String sql) {
    if (sql == null || sql.isBlank()) {
      return new StatementVerdict.Refused("the statement is empty");
    }
    List<SqlToken> tokens;
    try {
      tokens = SqlTokenizer.tokenize(sql, dialect);
    } catch (SqlTokenizer.Unreadable e) {
      return new StatementVerdict.Refused(e.getMessage());
    }
    String refusal = refusal(tokens);
    if (refusal != null) {
      return new StatementVerdict.Refused(refusal + "; only one SELECT, WITH ... SELECT, EXPLAIN (without "
          + "ANALYZE) or SHOW statement runs, read-only");
    }
    return new StatementVerdict.Allowed(withoutTrailingSemicolon(sql));
  }

  private String refusal(List<SqlToken> tokens) {
    int semicolon = firstSemicolon(tokens);
    if (semicolon >= 0 && semicolon < tokens.size() - 1) {
      return "more than one statement";
    }
    List<SqlToken> statement = semicolon >= 0 ? tokens.subList(0, semicolon) : tokens;
    if (statement.isEmpty()) {
      return "the statement is empty";
    }
    SqlToken first = statement.get(0);
    if (first.kind() != Kind.WORD || !FIRST_WORDS.contains(lower(first.text()))) {
      return "'" + first.text() + "' is not a read statement";
    }
    for (int i = 0; i < statement.size(); i++) {
      String why = refusalAt(statement, i);
      if (why != null) {
        return why;
      }
    }
    return null;
  }

  private static String refusalAt(List<SqlToken> statement, int i) {
    SqlToken token = statement.get(i);
    SqlToken next = i + 1 < statement.size() ? statement.get(i + 1) : null;
    if (token.kind() == Kind.WORD) {
      String word = lower(token.text());
      if (FORBIDDEN_WORDS.contains(word)) {
        return "'" + token.text() + "' is not allowed in a read-only query (a column of that name can be "
            + "written in double quotes)";
      }
      if (word.equals("for") && next != null && next.kind() == Kind.WORD
          && LOCKING_AFTER_FOR.contains(lower(next.text()))) {
        return "locking clauses (FOR UPDATE, FOR SHARE...) are not allowed";
      }
    }
    if (token.isName() && next != null && next.isSymbol("(") && forbiddenFunction(lower(token.text()))) {
      return "the function " + token.text() + " has side effects (or waits) and is not allowed";
    }
    return null;
  }

  private static boolean forbiddenFunction(String name) {
    return FORBIDDEN_FUNCTIONS.contains(name) || FORBIDDEN_FUNCTION_PREFIXES.stream().anyMatch(name::startsWith);
  }

  private static int firstSemicolon(List<SqlToken> tokens) {
    for (int i = 0; i < tokens.size(); i++) {
      if (tokens.get(i).kind() == Kind.SEMICOLON) {
        return i;
      }
    }
    return -1;
  }

  private static String withoutTrailingSemicolon(String sql) {
    String trimmed = sql.strip();
    return trimmed.endsWith(";") ? trimmed.substring(0, trimmed.length() - 1).strip() : trimmed;
  }

  private static String lower(String text) {
    return text.toLowerCase(Locale.ROOT);
  }
}
