package dev.aegis.core.ops;

import static org.assertj.core.api.Assertions.assertThat;

import dev.aegis.core.support.LocalPostgres;
import dev.aegis.core.support.ShopDatabase;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code aegis status} in production context, against a fake GitHub and a real PostgreSQL. */
class ProductionStatusTest {
  private static LocalPostgres pg;
  @TempDir Path workspace;

  @BeforeAll
  static void startPostgres() throws Exception {
    pg = LocalPostgres.start();
    ShopDatabase.create(pg);
  }

  @AfterAll
  static void stopPostgres() {
    if (pg != null) {
      pg.close();
    }
  }

  private String status(Map<String, String> env) {
    return status(env, false);
  }

  private String status(Map<String, String> env, boolean withSecrets) {
    try (OpsFixture gh = new OpsFixture(workspace)) {
      if (withSecrets) {
        gh.repo.addSecret("DATABASE_URL").addSecret("OTHER_SECRET");
      }
      OpsReport report = new Maintainer(gh.context(gh.adminToken, env)).status();
      return String.join("\n", report.lines());
    }
  }

  @Test
  void aUserThatCanWriteIsWarnedAboutWithoutItsPassword() {
    String text = status(Map.of("AEGIS_CONTEXT", "production",
        "DATABASE_URL", pg.url(LocalPostgres.ADMIN, LocalPostgres.ADMIN_PASSWORD, "shop")));
    assertThat(text).contains("Production context")
        .contains("  database: postgresql://" + LocalPostgres.ADMIN + "@127.0.0.1:" + pg.port() + "/shop")
        .contains("warning: the database user can write (superuser")
        .doesNotContain(LocalPostgres.ADMIN_PASSWORD);
  }

  @Test
  void aReadOnlyUserIsOk() {
    String text = status(Map.of("AEGIS_CONTEXT", "production",
        "DATABASE_URL", pg.url(ShopDatabase.READER, ShopDatabase.READER_PASSWORD, "shop")));
    assertThat(text).contains("  ok: the database user cannot write").doesNotContain(ShopDatabase.READER_PASSWORD);
  }

  @Test
  void productionContextWithoutADatabaseUrlIsAWarning() {
    assertThat(status(Map.of("AEGIS_CONTEXT", "production"))).contains("warning: DATABASE_URL is not set");
  }

  @Test
  void minimalContextShowsNoProductionSection() {
    assertThat(status(Map.of("DATABASE_URL", pg.url(ShopDatabase.READER, ShopDatabase.READER_PASSWORD, "shop"))))
        .doesNotContain("Production context");
  }

  @Test
  void theRepositorySecretsProductionReadsAreListedByName() {
    String text = status(Map.of("AEGIS_CONTEXT", "production"), true);
    assertThat(text).contains("  repository secret DATABASE_URL: present", "  repository secret POSTGRES_URL: missing",
        "  repository secret VERCEL_TOKEN: missing").doesNotContain("OTHER_SECRET");
  }

  @Test
  void minimalContextListsNoSecrets() {
    assertThat(status(Map.of(), true)).doesNotContain("repository secret");
  }

  @Test
  void aTokenThatMayNotListSecretsIsReportedAsUnknown() {
    try (OpsFixture gh = new OpsFixture(workspace)) {
      String writer = gh.fake.newToken("writer");
      gh.repo.setPermission("writer", dev.aegis.testkit.github.Role.WRITE);
      OpsReport report = new Maintainer(gh.context(writer, Map.of("AEGIS_CONTEXT", "production"))).status();
      assertThat(String.join("\n", report.lines())).contains("repository secrets: unknown")
          .contains("Secrets: read");
    }
  }
}
