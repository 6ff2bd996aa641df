package dev.aegis.core.flow;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.aegis.core.config.AegisConfig;
import dev.aegis.core.config.ConfigException;
import dev.aegis.core.config.ConfigLoader;
import dev.aegis.core.production.DatabaseSettings;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ProductionAccessTest {
  static final String URL = "postgres://reader:db-pass-4471@db.internal:5432/shop";
  @TempDir Path workspace;

  private AegisConfig config(String yaml) throws Exception {
    Files.createDirectories(workspace.resolve(".aegis"));
    Files.writeString(workspace.resolve(".aegis/config.yml"), yaml);
    return new ConfigLoader().load(workspace, Map.of(), Map.of(), "action input");
  }

  @Test
  void minimalContextGetsNoDatabaseEvenWithADatabaseUrl() throws Exception {
    assertThat(ProductionAccess.database(config("context: minimal\n"), Map.of("DATABASE_URL", URL))).isEmpty();
  }

  @Test
  void productionContextWithoutADatabaseUrlGetsNoDatabase() throws Exception {
    assertThat(ProductionAccess.database(config("context: production\n"), Map.of())).isEmpty();
  }

  @Test
  void productionContextWithADatabaseUrlGetsTheDatabaseShownWithoutItsPassword() throws Exception {
    var database = ProductionAccess.database(config("context: production\n"), Map.of("DATABASE_URL", URL));
    assertThat(database).isPresent();
    assertThat(database.get().display()).isEqualTo("postgresql://reader@db.internal:5432/shop");
  }

  @Test
  void anUnreadableDatabaseUrlIsAConfigErrorThatDoesNotRepeatIt() throws Exception {
    AegisConfig c = config("context: production\n");
    assertThatThrownBy(() -> ProductionAccess.database(c, Map.of("DATABASE_URL", "redis://u:db-pass-4471@h/0")))
        .isInstanceOf(ConfigException.class).hasMessageNotContaining("db-pass-4471");
  }

  @Test
  void theLimitsAndTheMaskComeFromConfiguration() throws Exception {
    DatabaseSettings s = ProductionAccess.settings(config("""
        production:
          max-rows: 7
          statement-timeout-seconds: 3
          masked-columns: [iban_hint]
          allowed-columns: [email]
        """));
    assertThat(s.maxRows()).isEqualTo(7);
    assertThat(s.statementTimeout()).isEqualTo(Duration.ofSeconds(3));
    assertThat(s.mask().sensitive("iban_hint_x")).isTrue();
    assertThat(s.mask().sensitive("password")).isTrue();
    assertThat(s.mask().sensitive("email")).isFalse();
  }

  @Test
  void theDatabasePasswordIsASecretOnItsOwn() {
    assertThat(ProductionAccess.secretValues(Map.of("DATABASE_URL", URL))).containsExactly("db-pass-4471");
    assertThat(ProductionAccess.secretValues(Map.of())).isEmpty();
  }
}
