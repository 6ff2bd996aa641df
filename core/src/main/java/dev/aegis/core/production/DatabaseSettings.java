package dev.aegis.core.production;

import java.time.Duration;
import java.util.Objects;

/**
 * The limits on every production query.
 *
 * @param maxRows rows shown to the model; more are counted as "truncated", never fetched past one extra
 * @param statementTimeout the server-side statement timeout (the client gives up a little later)
 * @param maxCellChars each value is cut to this many characters
 * @param mask the columns masked in results
 */
public record DatabaseSettings(int maxRows, Duration statementTimeout, int maxCellChars, ColumnMask mask) {
  public DatabaseSettings {
    if (maxRows < 1 || maxCellChars < 8) {
      throw new IllegalArgumentException("maxRows must be positive and maxCellChars at least 8");
    }
    Objects.requireNonNull(statementTimeout, "statementTimeout");
    if (statementTimeout.isNegative() || statementTimeout.isZero()) {
      throw new IllegalArgumentException("statementTimeout must be positive");
    }
    Objects.requireNonNull(mask, "mask");
  }

  /** 100 rows, 10 seconds, 300 characters a value, the default mask. */
  public static DatabaseSettings defaults() {
    return new DatabaseSettings(100, Duration.ofSeconds(10), 300, ColumnMask.defaults());
  }

  public DatabaseSettings withStatementTimeout(Duration value) {
    return new DatabaseSettings(maxRows, value, maxCellChars, mask);
  }

  public DatabaseSettings withMaxRows(int value) {
    return new DatabaseSettings(value, statementTimeout, maxCellChars, mask);
  }

  public DatabaseSettings withMask(ColumnMask value) {
    return new DatabaseSettings(maxRows, statementTimeout, maxCellChars, value);
  }
}
