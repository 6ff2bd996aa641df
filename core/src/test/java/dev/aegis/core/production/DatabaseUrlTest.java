package dev.aegis.core.production;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class DatabaseUrlTest {
  @Test
  void aPostgresUrlSplitsIntoAJdbcUrlAndCredentials() {
    DatabaseUrl url = DatabaseUrl.parse("postgres://app:s3cr%40t@db.internal:6543/shop?sslmode=require");
    assertThat(url.dialect()).isEqualTo(Dialect.POSTGRESQL);
    assertThat(url.jdbcUrl()).isEqualTo("jdbc:postgresql://db.internal:6543/shop?sslmode=require");
    assertThat(url.user()).isEqualTo("app");
    assertThat(url.password()).isEqualTo("s3cr@t");
  }

  @Test
  void theDisplayedFormNeverHoldsThePassword() {
    DatabaseUrl url = DatabaseUrl.parse("postgresql://app:hunter22@db:5432/shop?password=hunter22");
    assertThat(url.display()).isEqualTo("postgresql://app@db:5432/shop");
    assertThat(url.toString()).doesNotContain("hunter22");
  }

  @Test
  void mysqlAndJdbcPrefixedUrlsAreRead() {
    assertThat(DatabaseUrl.parse("mysql://root:pw@localhost/app").jdbcUrl()).isEqualTo("jdbc:mysql://localhost/app");
    assertThat(DatabaseUrl.parse("jdbc:postgresql://localhost/app").dialect()).isEqualTo(Dialect.POSTGRESQL);
  }

  @Test
  void anUnknownSchemeIsRefusedWithoutRepeatingTheUrl() {
    assertThatThrownBy(() -> DatabaseUrl.parse("redis://u:topsecret@h/0"))
        .isInstanceOf(IllegalArgumentException.class).hasMessageNotContaining("topsecret");
    assertThatThrownBy(() -> DatabaseUrl.parse("not a url with topsecret"))
        .isInstanceOf(IllegalArgumentException.class).hasMessageNotContaining("topsecret");
  }

  @Test
  void theMysqlDriverIsThereAndAnUnreachableServerIsAFailureWithoutThePassword() throws Exception {
    int port;
    try (java.net.ServerSocket socket = new java.net.ServerSocket(0)) {
      port = socket.getLocalPort();
    }
    ProductionDatabase db = ProductionDatabases.open(
        DatabaseUrl.parse("mysql://app:mysql-pw-8812@127.0.0.1:" + port + "/shop"), DatabaseSettings.defaults());
    QueryOutcome outcome = db.query("SELECT 1");
    org.assertj.core.api.Assertions.assertThat(outcome).isInstanceOf(QueryOutcome.Failed.class);
    String message = ((QueryOutcome.Failed) outcome).message();
    assertThat(message).contains("Communications link failure").doesNotContain("mysql-pw-8812")
        .doesNotContain("No suitable driver").doesNotContain("NoClassDefFound");
  }
}
