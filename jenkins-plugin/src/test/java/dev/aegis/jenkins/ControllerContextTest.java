package dev.aegis.jenkins;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** What the controller's core calls (scan, GitHub and Linear webhooks) get from the global configuration. */
class ControllerContextTest {
  private static final Map<String, String> CREDENTIALS = Map.of("gh", "ghp_scan", "lin", "lin_api_scan");
  private static final SecretLookup LOOKUP = id -> Optional.ofNullable(CREDENTIALS.get(id));

  @Test
  void aLinearTeamBringsTheTeamTheTrackersAndTheLinearKey() {
    AegisSettings settings = Settings.configured().linearTeam("ENG").linearCredentialsId("lin").build();

    ControllerContext context = ControllerContext.of(settings, LOOKUP);

    assertThat(context.overrides())
        .containsEntry("linear.team", "ENG")
        .containsEntry("trackers", "github,linear")
        .containsEntry("github.repository", "octo/shop");
    assertThat(context.environment())
        .containsOnlyKeys("GITHUB_TOKEN", "LINEAR_API_KEY")
        .containsEntry("LINEAR_API_KEY", "lin_api_scan");
    assertThat(context.secrets()).containsExactly("ghp_scan", "lin_api_scan");
  }

  @Test
  void withoutALinearTeamNothingAboutLinearIsPassed() {
    ControllerContext context = ControllerContext.of(Settings.configured().build(), LOOKUP);

    assertThat(context.overrides()).doesNotContainKeys("linear.team", "trackers");
    assertThat(context.environment()).doesNotContainKey("LINEAR_API_KEY");
  }

  @Test
  void trackersInTheYamlAreLeftToTheFileWhichTheCoreReads() {
    AegisSettings settings =
        Settings.configured().linearTeam("ENG").linearCredentialsId("lin").configYaml("trackers: [linear]\n").build();

    ControllerContext context = ControllerContext.of(settings, LOOKUP);

    assertThat(context.overrides()).doesNotContainKey("trackers").containsEntry("linear.team", "ENG");
    assertThat(context.configYaml()).isEqualTo("trackers: [linear]\n");
  }

  @Test
  void aLinearKeyIdThatDoesNotResolveNamesIt() {
    AegisSettings settings = Settings.configured().linearTeam("ENG").linearCredentialsId("nope").build();

    assertThatThrownBy(() -> ControllerContext.of(settings, LOOKUP))
        .hasMessage("no global 'Secret text' credentials with id 'nope' (Linear API key)");
  }
}
