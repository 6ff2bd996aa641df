package dev.aegis.core.production;

/** Opens {@link ProductionDatabase}s. */
public final class ProductionDatabases {
  private ProductionDatabases() {}

  /**
   * Access to the database at {@code url} under {@code settings}. Nothing is connected yet: each query opens
   * its own connection and closes it.
   */
  public static ProductionDatabase open(DatabaseUrl url, DatabaseSettings settings) {
    return new JdbcDatabase(url, settings);
  }
}
