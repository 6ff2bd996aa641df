package dev.aegis.core.text;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class ClosestTest {
  private static final List<String> NAMES = List.of("dryRun", "runId", "issue", "credentialsId", "modelCredentialsId");

  @Test
  void aNearMissSuggestsTheIntendedName() {
    assertThat(Closest.to("dryrun", NAMES)).contains("dryRun");
    assertThat(Closest.to("isue", NAMES)).contains("issue");
    assertThat(Closest.to("modelCredentialId", NAMES)).contains("modelCredentialsId");
  }

  @Test
  void somethingFarFromEveryNameSuggestsNothing() {
    assertThat(Closest.to("branch", NAMES)).isEmpty();
    assertThat(Closest.to("x", List.of())).isEmpty();
  }
}
