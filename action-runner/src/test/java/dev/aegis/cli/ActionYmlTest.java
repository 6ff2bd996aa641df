package dev.aegis.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import dev.aegis.core.config.ConfigKey;
import dev.aegis.core.config.ConfigKeys;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** {@code action.yml} is what users run: its inputs must reach the core under names the core reads. */
class ActionYmlTest {
  private final JsonNode action = read(Path.of("..", "action.yml"));

  private static JsonNode read(Path file) {
    try {
      return new ObjectMapper(new YAMLFactory()).readTree(Files.readString(file));
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  private JsonNode runStep() {
    for (JsonNode step : action.path("runs").path("steps")) {
      if ("aegis".equals(step.path("id").asText())) {
        return step;
      }
    }
    throw new AssertionError("action.yml has no step with id 'aegis'");
  }

  @Test
  void everyAegisVariableTheActionSetsIsAConfigurationKeyTheCoreReads() {
    List<String> known = new ArrayList<>(ConfigKeys.all().stream().map(ConfigKey::environmentVariable).toList());
    known.add("AEGIS_DRY_RUN"); // consumed by the step itself, unset before the jar runs
    runStep().path("env").fieldNames().forEachRemaining(name -> {
      if (name.startsWith("AEGIS_")) {
        assertThat(known).as("action.yml sets " + name).contains(name);
      }
    });
  }

  @Test
  void everyInputIsPassedToTheJar() {
    String env = runStep().path("env").toString();
    action.path("inputs").fieldNames().forEachRemaining(input ->
        assertThat(env).as("input " + input + " reaches the run step").contains("inputs." + input));
  }

  @Test
  void theOutputsComeFromTheRunStep() {
    action.path("outputs").forEach(o -> assertThat(o.path("value").asText()).startsWith("${{ steps.aegis.outputs."));
    assertThat(action.path("runs").path("using").asText()).isEqualTo("composite");
  }
}
