package dev.aegis.core.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** The README's configuration table is the user's reference: every key Aegis reads must be in it. */
class ConfigDocsTest {

  @Test
  void theReadmeDocumentsEveryConfigurationKey() throws IOException {
    String readme = Files.readString(Path.of("..", "README.md"));
    for (ConfigKey key : ConfigKeys.all()) {
      assertThat(readme).as("README documents " + key.name()).contains("| `" + key.name() + "` |");
    }
  }
}
