package dev.aegis.core.tracker.github;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.aegis.core.repo.CodeHost;
import dev.aegis.core.tracker.Author;
import dev.aegis.core.tracker.TrackerException;
import dev.aegis.testkit.github.Role;
import java.net.URI;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The reads behind the maintainer commands: repository labels, the token's owner, branches by prefix. */
class GitHubMaintainerReadsTest {
  private final GitHubFixture gh = new GitHubFixture();

  @AfterEach
  void contractHeldAndClose() {
    gh.close();
  }

  @Test
  void labelNamesListsEveryRepositoryLabelAcrossPages() {
    for (int i = 0; i < 120; i++) {
      gh.repo.addLabel("area-" + i, "ededed", null);
    }
    gh.repo.addLabel("aegis:blocked", "b60205", "Aegis could not finish");

    assertThat(gh.connect().tracker().labelNames().orElseThrow())
        .hasSize(121).contains("area-0", "area-119", "aegis:blocked");
    assertThat(gh.fake.count("GET", "/repos/{owner}/{repo}/labels")).isEqualTo(2);
  }

  @Test
  void credentialsOwnerIsThePersonBehindAPersonalToken() {
    String token = gh.fake.newToken("maintainer");
    gh.repo.setPermission("maintainer", Role.ADMIN);

    assertThat(gh.connect(GitHubSettings.of(GitHubFixture.REPO, token).withApiUrl(URI.create(gh.fake.apiUrl()))).tracker().credentialsOwner())
        .contains(Author.human("maintainer"));
  }

  @Test
  void credentialsOwnerIsUnknownForTheActionsToken() {
    assertThat(gh.connect().tracker().credentialsOwner()).isEmpty();
  }

  @Test
  void aRefusedTokenIsAnErrorNotAnUnknownOwner() {
    gh.fake.revokeToken(gh.token);

    assertThatThrownBy(() -> gh.connect().tracker().credentialsOwner())
        .isInstanceOfSatisfying(TrackerException.class, e -> assertThat(e.unauthorized()).isTrue());
  }

  @Test
  void branchesStartingWithMatchesTheWholePrefixInOneRequest() {
    String main = gh.repo.branchHead("main").orElseThrow();
    CodeHost host = gh.connect().codeHost();
    for (String branch : new String[] {"aegis/2-typo", "aegis/1-crash", "aegisx", "feature/aegis/3"}) {
      host.createBranch(branch, main);
    }
    gh.fake.clearRequests();

    assertThat(host.branchesStartingWith("aegis/")).contains(List.of("aegis/1-crash", "aegis/2-typo"));
    assertThat(gh.fake.requests()).hasSize(1);
  }
}
