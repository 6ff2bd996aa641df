package dev.aegis.core.production;

import java.util.List;
import java.util.Objects;

/**
 * The rows a query returned, already capped and masked.
 *
 * @param columns the column labels
 * @param rows the values as text ({@code NULL} for SQL null), at most the row cap
 * @param truncated more rows existed than are shown
 * @param masked the labels of the columns whose values were masked
 */
public record QueryResult(List<String> columns, List<List<String>> rows, boolean truncated, List<String> masked) {
  public QueryResult {
    columns = List.copyOf(columns);
    rows = rows.stream().map(List::copyOf).toList();
    masked = List.copyOf(masked);
    Objects.requireNonNull(columns, "columns");
  }

  /** The number of rows shown. */
  public int rowCount() {
    return rows.size();
  }

  /** A plain text table for the model: a header, one line per row, values separated by " | ". */
  public String toText() {
    StringBuilder out = new StringBuilder();
    out.append(String.join(" | ", columns)).append('\n');
    for (List<String> row : rows) {
      out.append(String.join(" | ", row.stream().map(v -> v.replace("\n", "\\n")).toList())).append('\n');
    }
    out.append('(').append(rows.size()).append(rows.size() == 1 ? " row" : " rows")
        .append(truncated ? "; more rows exist: the result was cut at the row cap, narrow the query" : "")
        .append(masked.isEmpty() ? "" : "; masked columns: " + String.join(", ", masked)).append(')');
    return out.toString();
  }
}
