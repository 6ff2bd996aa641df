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
import dev.aegis.core.repo.RepositoryVariables;
import dev.aegis.core.tracker.TrackerException;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
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

  /** The repository secrets production context reads, as the original product checks them. */
  static final List<String> SECRETS = List.of("DATABASE_URL", "POSTGRES_URL", "VERCEL_TOKEN");

  /**
   * Which of {@link #SECRETS} exist as repository secrets (names only), or none outside production context.
   */
  static List<String> secretLines(AegisConfig config, Optional<RepositoryVariables> variables) {
    if (!"production".equals(config.text(ConfigKeys.CONTEXT).orElse("minimal")) || variables.isEmpty()) {
      return List.of();
    }
    Optional<List<String>> names;
    try {
      names = variables.get().secretNames();
    } catch (TrackerException e) {
      return List.of("  repository secrets: unknown, " + e.getMessage());
    }
    if (names.isEmpty()) {
      return List.of("  repository secrets: this host cannot list them");
    }
    List<String> upper = names.get().stream().map(n -> n.toUpperCase(Locale.ROOT)).toList();
    List<String> lines = new ArrayList<>();
    for (String secret : SECRETS) {
      lines.add("  repository secret " + secret + ": " + (upper.contains(secret) ? "present" : "missing"));
    }
    return lines;
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
