package dev.aegis.core.tracker.github;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import org.junit.jupiter.api.Test;

class GitHubSettingsTest {
  @Test
  void defaultsToGitHubDotComAndTheActionsBot() {
    GitHubSettings settings = GitHubSettings.of("octo-org/app", "ghs_secret");

    assertThat(settings.apiUrl()).isEqualTo(URI.create("https://api.github.com"));
    assertThat(settings.identity()).isEqualTo("github-actions[bot]");
    assertThat(settings.owner()).isEqualTo("octo-org");
    assertThat(settings.name()).isEqualTo("app");
  }

  @Test
  void toStringNeverShowsTheToken() {
    assertThat(GitHubSettings.of("octo-org/app", "ghs_secret").toString()).doesNotContain("ghs_secret");
  }

  @Test
  void badValuesAreRefusedWithTheReason() {
    assertThatThrownBy(() -> GitHubSettings.of("not-a-repo", "t")).hasMessageContaining("owner/name");
    assertThatThrownBy(() -> GitHubSettings.of("o/r", " ")).hasMessageContaining("GITHUB_TOKEN");
    assertThatThrownBy(() -> GitHubSettings.of("o/r", "t").withLabels("ready,now", "bug"))
        .hasMessageContaining("commas");
    assertThatThrownBy(() -> GitHubSettings.of("o/r", "t").withApiUrl(URI.create("ftp://x")))
        .hasMessageContaining("http");
  }
}
