package dev.aegis.testkit.events;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.FieldSource;

class EventsTest {
  @ParameterizedTest
  @FieldSource("dev.aegis.testkit.events.Events#NAMES")
  void everyFixtureIsARepositoryEventWithItsAction(String name) {
    ObjectNode payload = Events.json(name);
    String[] parts = name.split("\\.");

    assertThat(payload.path("repository").path("full_name").asText()).contains("/");
    assertThat(payload.path("sender").path("login").asText()).isNotEmpty();
    if (parts.length == 3) {
      assertThat(payload.path("action").asText()).isEqualTo(parts[1]);
    }
    if (name.startsWith("issue")) {
      assertThat(payload.path("issue").path("number").asInt()).isPositive();
    }
  }

  @Test
  void nameWithoutNumberIsTheFirstExample() {
    assertThat(Events.text("issues.labeled")).isEqualTo(Events.text("issues.labeled.1"));
    assertThat(Events.text("issues.labeled.2")).isNotEqualTo(Events.text("issues.labeled.1"));
  }

  @Test
  void scheduleFixtureCarriesItsCronExpression() {
    assertThat(Events.json("schedule").path("schedule").asText()).isEqualTo("*/10 * * * *");
  }

  @Test
  void unknownNameListsTheKnownOnes() {
    assertThatThrownBy(() -> Events.text("push"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("issues.opened.1");
  }

  @Test
  void writtenPayloadReadsBackTheSame(@TempDir Path dir) throws Exception {
    ObjectNode payload = Events.json("issues.opened");
    ((ObjectNode) payload.get("issue")).put("title", "changed");

    Path file = Events.write(payload, dir.resolve("event.json"));

    assertThat(Files.readString(file)).contains("\"changed\"");
  }
}
