package dev.aegis.core.flow;

import dev.aegis.core.config.AegisConfig;
import dev.aegis.core.config.ConfigException;
import dev.aegis.core.config.ConfigKeys;
import dev.aegis.core.production.ColumnMask;
import dev.aegis.core.production.DatabaseSettings;
import dev.aegis.core.production.DatabaseUrl;
import dev.aegis.core.production.ProductionDatabase;
import dev.aegis.core.production.ProductionDatabases;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The production database of a run, from {@code context: production} and {@code DATABASE_URL}. */
final class ProductionAccess {
  static final String DATABASE_URL = "DATABASE_URL";

  private ProductionAccess() {}

  /**
   * The database for a plan run: present only in production context with {@code DATABASE_URL} set.
   *
   * @throws ConfigException when {@code DATABASE_URL} is set but unreadable (the message holds no credentials)
   */
  static Optional<ProductionDatabase> database(AegisConfig config, Map<String, String> environment) {
    if (!"production".equals(config.text(ConfigKeys.CONTEXT).orElse("minimal"))) {
      return Optional.empty();
    }
    String url = environment.get(DATABASE_URL);
    if (url == null || url.isBlank()) {
      return Optional.empty();
    }
    DatabaseUrl parsed;
    try {
      parsed = DatabaseUrl.parse(url);
    } catch (IllegalArgumentException e) {
      throw new ConfigException(ConfigKeys.CONTEXT, DATABASE_URL, e.getMessage());
    }
    return Optional.of(ProductionDatabases.open(parsed, settings(config)));
  }

  static DatabaseSettings settings(AegisConfig config) {
    List<String> patterns = new ArrayList<>(ColumnMask.DEFAULT_PATTERNS);
    patterns.addAll(config.list(ConfigKeys.PRODUCTION_MASKED_COLUMNS));
    ColumnMask mask = new ColumnMask(patterns, config.list(ConfigKeys.PRODUCTION_ALLOWED_COLUMNS));
    return DatabaseSettings.defaults().withMaxRows(Math.max(1, config.whole(ConfigKeys.PRODUCTION_MAX_ROWS)))
        .withStatementTimeout(Duration.ofSeconds(Math.max(1, config.whole(ConfigKeys.PRODUCTION_STATEMENT_TIMEOUT))))
        .withMask(mask);
  }

  /** The database password on its own, so that it is redacted even apart from the whole URL. */
  static List<String> secretValues(Map<String, String> environment) {
    String url = environment.get(DATABASE_URL);
    if (url == null || url.isBlank()) {
      return List.of();
    }
    try {
      String password = DatabaseUrl.parse(url).password();
      return password.isEmpty() ? List.of() : List.of(password);
    } catch (IllegalArgumentException e) {
      return List.of();
    }
  }
}
