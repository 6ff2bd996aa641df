package dev.aegis.core.production;

import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.postgresql.PGResultSetMetaData;

/**
 * Decides which result values the model may see. A column is masked when its label or the table column it
 * comes from looks sensitive (so {@code SELECT email AS e} is still masked), or when it is computed (no table
 * column behind it) and the statement names a sensitive column, or a table that has one (so
 * {@code lower(email)} and {@code c::text} are masked: select the plain columns instead). Values of computed columns are scrubbed of e-mail addresses and of sensitive keys in JSON (so
 * {@code row_to_json(users)} does not leak them). This is a net under the database role, not instead of it:
 * column privileges on the role are what keeps data out for certain.
 */
final class ResultMasking {
  private static final Pattern EMAIL = Pattern.compile("[A-Za-z0-9._%+-]+@[A-Za-z0-9.-]+\\.[A-Za-z]{2,}");
  private static final Pattern JSON_PAIR = Pattern.compile(
      "\"([A-Za-z0-9_]+)\"\\s*:\\s*(\"(?:[^\"\\\\]|\\\\.)*\"|[^,}\\]\\s]+)");

  private ResultMasking() {}

  /**
   * Whether the statement names a sensitive column, or a table or view that has one (so a whole-row value
   * such as {@code c::text} cannot carry it out); {@code sensitiveTables} null means unknown: then every
   * statement counts as sensitive.
   */
  static boolean referencesSensitive(String statement, Dialect dialect, ColumnMask mask,
      java.util.Set<String> sensitiveTables) {
    if (sensitiveTables == null) {
      return true;
    }
    return SqlTokenizer.tokenize(statement, dialect).stream().anyMatch(t -> t.isName()
        && (mask.sensitive(t.text()) || sensitiveTables.contains(t.text().toLowerCase(java.util.Locale.ROOT))));
  }

  static boolean masks(ResultSetMetaData meta, int column, Dialect dialect, ColumnMask mask,
      boolean sensitiveReference) throws SQLException {
    if (mask.sensitive(meta.getColumnLabel(column))) {
      return true;
    }
    String base = baseColumn(meta, column, dialect);
    if (!base.isEmpty()) {
      return mask.sensitive(base);
    }
    return sensitiveReference;
  }

  /** Whether the column is computed rather than read straight from a table column. */
  static boolean computed(ResultSetMetaData meta, int column, Dialect dialect) throws SQLException {
    return baseColumn(meta, column, dialect).isEmpty();
  }

  static String scrub(String value, ColumnMask mask) {
    Matcher pairs = JSON_PAIR.matcher(value);
    StringBuilder out = new StringBuilder();
    while (pairs.find()) {
      String replacement = mask.sensitive(pairs.group(1))
          ? "\"" + pairs.group(1) + "\": \"" + ColumnMask.MASKED + "\"" : pairs.group();
      pairs.appendReplacement(out, Matcher.quoteReplacement(replacement));
    }
    pairs.appendTail(out);
    return EMAIL.matcher(out).replaceAll(Matcher.quoteReplacement("[masked email]"));
  }

  private static String baseColumn(ResultSetMetaData meta, int column, Dialect dialect) throws SQLException {
    if (dialect == Dialect.POSTGRESQL && meta.isWrapperFor(PGResultSetMetaData.class)) {
      String base = meta.unwrap(PGResultSetMetaData.class).getBaseColumnName(column);
      return base == null ? "" : base;
    }
    String name = meta.getColumnName(column);
    return name == null ? "" : name;
  }
}
