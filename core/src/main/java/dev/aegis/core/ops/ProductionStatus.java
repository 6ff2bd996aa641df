package dev.aegis.core.ops;

import dev.aegis.core.config.AegisConfig;
import dev.aegis.core.config.ConfigKeys;
import dev.aegis.core.production.DatabaseSettings;
import dev.aegis.core.production.DatabaseUrl;
import dev.aegis.core.production.ProductionDatabase;
import dev.aegis.core.production.ProductionDatabases;
import dev.aegis.core.production.RoleCheck;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * The "Production context" section of {@code aegis status}: whether {@code DATABASE_URL} is set and readable,
 * and whether its user can write (a warning: Aegis enforces read-only anyway, but a read-only role is the first
 * line). Nothing here fails the status; the URL's password is never printed.
 */
final class ProductionStatus {
  static final String DATABASE_URL = "DATABASE_URL";

  private final Function<DatabaseUrl, ProductionDatabase> open;

  ProductionStatus(Function<DatabaseUrl, ProductionDatabase> open) {
    this.open = open;
  }

  /** Opens real databases over JDBC. */
  static ProductionStatus jdbc() {
    return new ProductionStatus(url -> ProductionDatabases.open(url, DatabaseSettings.defaults()));
  }

  /** The section's lines, or none outside {@code context: production}. */
  List<String> lines(AegisConfig config, Map<String, String> environment) {
    if (!"production".equals(config.text(ConfigKeys.CONTEXT).orElse("minimal"))) {
      return List.of();
    }
    List<String> lines = new ArrayList<>(List.of("", "Production context"));
    String raw = environment.get(DATABASE_URL);
    if (raw == null || raw.isBlank()) {
      lines.add("  warning: DATABASE_URL is not set, so runs get no database tools (pass the secret in the job's env)");
      return lines;
    }
    DatabaseUrl url;
    try {
      url = DatabaseUrl.parse(raw);
    } catch (IllegalArgumentException e) {
      lines.add("  problem: " + e.getMessage());
      return lines;
    }
    ProductionDatabase database = open.apply(url);
    lines.add("  database: " + database.display());
    RoleCheck check = database.roleCheck();
    if (!check.reached()) {
      lines.add("  unreachable: " + check.problem());
    } else if (check.canWrite()) {
      lines.add("  warning: the database user can write (" + String.join(", ", check.writes()) + "). Aegis still "
          + "enforces read-only, but give it a read-only role: see the README, Production context.");
    } else {
      lines.add("  ok: the database user cannot write");
    }
    return lines;
  }
}
