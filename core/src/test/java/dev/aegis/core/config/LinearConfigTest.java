package dev.aegis.core.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The {@code linear.*} keys: documented defaults, the docs' example file, and the checks on load. */
class LinearConfigTest {
  @TempDir Path workspace;

  private AegisConfig load(String yaml) throws IOException {
    Files.createDirectories(workspace.resolve(".aegis"));
    Files.writeString(workspace.resolve(".aegis/config.yml"), yaml);
    return new ConfigLoader().load(workspace, Map.of(), Map.of(), "action input");
  }

  @Test
  void theLinearKeysHaveTheirDocumentedDefaults() throws IOException {
    AegisConfig c = load("trackers: [github, linear]\nlinear:\n  team: ENG\n");

    assertThat(c.tracks("linear")).isTrue();
    assertThat(c.tracks("github")).isTrue();
    assertThat(c.text(ConfigKeys.LINEAR_READY_LABEL)).contains("ready to implement");
    assertThat(c.text(ConfigKeys.LINEAR_READY_STATE)).isEmpty();
    assertThat(c.text(ConfigKeys.LINEAR_BUG_LABEL)).contains("Bug");
    assertThat(c.text(ConfigKeys.linearLabel("in-review"))).contains("aegis:pr-opened");
    assertThat(c.text(ConfigKeys.linearState("in-progress"))).isEmpty();
    assertThat(c.text(ConfigKeys.LINEAR_API_URL)).contains("https://api.linear.app/graphql");
    assertThat(c.list(ConfigKeys.LINEAR_APPROVERS)).isEmpty();
  }

  @Test
  void theDocumentedExampleLoads() throws IOException {
    AegisConfig c = load("""
        trackers: [linear]
        linear:
          team: ENG
          ready-label: ready to implement
          ready-state: ""
          bug-label: Bug
          states:
            in-progress: In Progress
            awaiting-approval: ""
            in-review: In Review
            blocked: ""
            needs-info: ""
            withdrawn: ""
          labels:
            in-progress: aegis:in-progress
            awaiting-approval: aegis:awaiting-approval
            in-review: aegis:pr-opened
            blocked: aegis:blocked
            needs-info: aegis:needs-info
          approvers:
            - maya@yourco.com
          identity: aegis@yourco.com
          api-url: https://api.linear.app/graphql
        """);

    assertThat(c.text(ConfigKeys.linearState("in-review"))).contains("In Review");
    assertThat(c.text(ConfigKeys.linearState("blocked"))).isEmpty();
    assertThat(c.list(ConfigKeys.LINEAR_APPROVERS)).containsExactly("maya@yourco.com");
    assertThat(c.text(ConfigKeys.LINEAR_IDENTITY)).contains("aegis@yourco.com");
    assertThat(c.tracks("github")).isFalse();
  }

  @Test
  void aPhaseWithNeitherLabelNorStateFailsNamingBothKeys() {
    assertThatThrownBy(() -> load("trackers: [linear]\nlinear:\n  team: ENG\n  labels:\n    blocked: \"\"\n"))
        .isInstanceOf(ConfigException.class)
        .hasMessageContaining("'linear.labels.blocked'")
        .hasMessageContaining("linear.states.blocked")
        .hasMessageContaining(".aegis/config.yml");
  }

  @Test
  void noReadySignalFails() {
    assertThatThrownBy(() -> load("trackers: [linear]\nlinear:\n  team: ENG\n  ready-label: \"\"\n"))
        .isInstanceOf(ConfigException.class)
        .hasMessageContaining("'linear.ready-label'")
        .hasMessageContaining("linear.ready-state");
  }

  @Test
  void linearRulesApplyOnlyWhenLinearIsATracker() throws IOException {
    AegisConfig c = load("linear:\n  ready-label: \"\"\n  bug-label: \"\"\n");

    assertThat(c.tracks("linear")).isFalse();
  }

  @Test
  void aMisspeltLinearKeyFailsWithASuggestion() {
    assertThatThrownBy(() -> load("linear:\n  tem: ENG\n"))
        .isInstanceOf(ConfigException.class)
        .hasMessageContaining("'linear.tem' is not a known key")
        .hasMessageContaining("did you mean 'linear.team'?");
  }

  @Test
  void theApiUrlMustBeHttp() {
    assertThatThrownBy(() -> load("linear:\n  api-url: ftp://example.com\n"))
        .isInstanceOf(ConfigException.class)
        .hasMessageContaining("'linear.api-url'")
        .hasMessageContaining("http(s) URL");
  }

  @Test
  void anEmptyTrackerListFails() {
    assertThatThrownBy(() -> load("trackers: []\n"))
        .isInstanceOf(ConfigException.class)
        .hasMessageContaining("'trackers'");
  }

  @Test
  void theApiKeyIsNeverAConfigurationKey() {
    assertThatThrownBy(() -> load("linear:\n  api-key: lin_api_x\n"))
        .isInstanceOf(ConfigException.class)
        .hasMessageContaining("'linear.api-key' is not a known key");
  }
}
