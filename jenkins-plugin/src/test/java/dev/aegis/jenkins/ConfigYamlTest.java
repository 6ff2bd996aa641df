package dev.aegis.jenkins;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The "Aegis configuration (YAML)" field: checked by the core's loader, placed in the scratch directory. */
class ConfigYamlTest {
  @TempDir Path dir;

  @Test
  void aValidConfigurationPassesTheCheck() {
    String yaml =
        """
        linear:
          ready-state: Todo
          states:
            in-review: In Review
          approvers: [maya@example.com]
        budget:
          max-dollars: 2.50
        stale-after-minutes: 30
        """;

    assertThat(ConfigValidation.configYaml(yaml, "octo/shop", "ENG")).isEqualTo(Check.ok());
    assertThat(ConfigValidation.configYaml("  ", null, null)).isEqualTo(Check.ok());
  }

  @Test
  void anUnknownKeyIsTheCoresOwnErrorNamingTheKeyAndTheField() {
    Check check = ConfigValidation.configYaml("linear:\n  staets:\n    in-review: In Review\n", null, null);

    assertThat(check.kind()).isEqualTo(Check.Kind.ERROR);
    assertThat(check.message())
        .isEqualTo("Aegis configuration (YAML): 'linear.staets.in-review' is not a known key"
            + " (did you mean 'linear.states.in-review'?); the README lists the keys Aegis reads");
  }

  @Test
  void aBadValueAndBrokenYamlAreErrorsToo() {
    assertThat(ConfigValidation.configYaml("budget:\n  max-steps: many\n", null, null).message())
        .startsWith("Aegis configuration (YAML): 'budget.max-steps' must be a whole number");
    assertThat(ConfigValidation.configYaml("trackers: [github, jira]\n", null, null).message())
        .contains("'trackers' may list github and linear, got 'jira'");
    assertThat(ConfigValidation.configYaml("linear: [\n", null, null).message())
        .startsWith("Aegis configuration (YAML): is not valid YAML");
  }

  @Test
  void theCheckSeesTheTrackersTheLinearTeamFieldAdds() {
    // Linear's required settings are only checked when Linear is a tracker: the team field makes it one
    String yaml = "linear:\n  bug-label: \"\"\n";

    assertThat(ConfigValidation.configYaml(yaml, "octo/shop", null).kind()).isEqualTo(Check.Kind.OK);
    assertThat(ConfigValidation.configYaml(yaml, "octo/shop", "ENG").message())
        .contains("'linear.bug-label' is empty");
  }

  @Test
  void aKeyThatHasItsOwnFieldIsAWarning() {
    Check check = ConfigValidation.configYaml("linear:\n  team: ENG\nlabels:\n  ready: go\n", null, null);

    assertThat(check.kind()).isEqualTo(Check.Kind.WARNING);
    assertThat(check.message()).startsWith("linear.team, labels.ready have their own fields above");
  }

  @Test
  void trackersAreReadAsTheCoreReadsAList() {
    assertThat(ConfigYaml.trackers("trackers: [linear]\n")).contains(List.of("linear"));
    assertThat(ConfigYaml.trackers("trackers:\n  - github\n  - linear\n")).contains(List.of("github", "linear"));
    assertThat(ConfigYaml.trackers("trackers: github, linear\n")).contains(List.of("github", "linear"));
    assertThat(ConfigYaml.trackers("model: openai/gpt-4.1\n")).isEmpty();
    assertThat(ConfigYaml.trackers("trackers:\n")).isEmpty();
    assertThat(ConfigYaml.trackers("trackers: [\n")).as("broken YAML is the core's to report").isEmpty();
    assertThat(ConfigYaml.trackers(null)).isEmpty();
  }

  @Test
  void theFormsTrackersGiveWayToTheYamls() {
    AegisSettings both = Settings.configured().linearTeam("ENG").build();
    AegisSettings linearOnly = Settings.configured().linearTeam("ENG").configYaml("trackers: [linear]").build();

    assertThat(Trackers.fromForm(both)).contains("github,linear");
    assertThat(Trackers.fromForm(Settings.configured().repository(null).linearTeam("ENG").build())).contains("linear");
    assertThat(Trackers.fromForm(Settings.configured().build())).isEmpty();
    assertThat(Trackers.fromForm(linearOnly)).isEmpty();
    assertThat(Trackers.forEveryCall(linearOnly)).contains("linear");
    assertThat(Trackers.includesLinear(linearOnly)).isTrue();
    AegisSettings githubOnly = Settings.configured().configYaml("trackers: [github]").linearTeam("ENG").build();
    assertThat(Trackers.includesLinear(githubOnly)).isFalse();
  }

  @Test
  void placingWritesTheFileAndAClearedFieldRemovesIt() throws Exception {
    Path file = dir.resolve(".aegis/config.yml");
    Files.createDirectories(file.getParent());
    Files.writeString(dir.resolve(".aegis/config.yaml"), "mode: auto\n");

    assertThat(ConfigYaml.place(dir, "mode: auto\n")).contains(file);
    assertThat(Files.readString(file)).isEqualTo("mode: auto\n");
    assertThat(dir.resolve(".aegis/config.yaml")).as("never a second file beside ours").doesNotExist();

    assertThat(ConfigYaml.place(dir, null)).isEqualTo(Optional.empty());
    assertThat(file).doesNotExist();
  }
}
