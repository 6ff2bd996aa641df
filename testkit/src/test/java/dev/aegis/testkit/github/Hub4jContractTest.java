package dev.aegis.testkit.github;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.util.List;
import okhttp3.OkHttpClient;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.kohsuke.github.GHCommit;
import org.kohsuke.github.GHDirection;
import org.kohsuke.github.GHIssue;
import org.kohsuke.github.GHIssueComment;
import org.kohsuke.github.GHIssueQueryBuilder;
import org.kohsuke.github.GHIssueState;
import org.kohsuke.github.GHPermissionType;
import org.kohsuke.github.GHPullRequest;
import org.kohsuke.github.GHRef;
import org.kohsuke.github.GHRepository;
import org.kohsuke.github.GitHub;
import org.kohsuke.github.GitHubBuilder;
import org.kohsuke.github.ReactionContent;
import org.kohsuke.github.extras.okhttp3.OkHttpGitHubConnector;

/**
 * The fake driven through hub4j's github-api (the client core uses) over OkHttp: every operation hub4j offers
 * for the endpoints the fake serves, with every request and response checked against GitHub's description.
 * Endpoints hub4j has no method for (repository-wide comments, {@code git/ref/{ref}}, {@code git/commits/{sha}}
 * as git data) are covered by {@link RawContractTest}.
 */
class Hub4jContractTest {
  private FakeGitHub fake;
  private GitHub github;

  @BeforeEach
  void start() throws IOException {
    fake = FakeGitHub.start();
    fake.createRepository("octo-org/app").setPermission("maintainer", Role.ADMIN);
    fake.addUser("outsider");
    github = new GitHubBuilder()
        .withEndpoint(fake.apiUrl())
        .withAppInstallationToken(fake.newToken("maintainer"))
        .withConnector(new OkHttpGitHubConnector(new OkHttpClient()))
        .build();
  }

  @AfterEach
  void stop() {
    fake.close();
  }

  @Test
  void issuesLabelsCommentsAndReactionsThroughHub4jSpeakGitHub() throws IOException {
    GHRepository repo = github.getRepository("octo-org/app");
    repo.createLabel("aegis:blocked", "b60205", "Aegis could not finish");
    assertThat(repo.getLabel("aegis:blocked").getColor()).isEqualTo("b60205");
    GHIssue issue = repo.createIssue("Crash on save").body("It crashes").label("bug").create();
    issue.setBody("It crashes on save");
    issue.addLabels("ready to implement");
    issue.removeLabel("ready to implement");
    issue.setLabels("bug", "aegis:blocked");
    // one label() call with a comma-separated list: hub4j appends a second "labels" parameter on each call
    // (labels=bug&labels=bug,aegis:blocked), which breaks GitHub's description (see ContractNegativeTest)
    List<GHIssue> ready = repo.queryIssues().state(GHIssueState.OPEN).label("bug,aegis:blocked")
        .sort(GHIssueQueryBuilder.Sort.CREATED).direction(GHDirection.ASC).pageSize(100).list().toList();
    assertThat(ready).extracting(GHIssue::getNumber).containsExactly(issue.getNumber());
    assertThat(repo.listLabels().toList()).hasSizeGreaterThanOrEqualTo(2);

    GHIssueComment comment = repo.getIssue(issue.getNumber()).comment("On it");
    comment.update("On it (edited)");
    comment.createReaction(ReactionContent.EYES);
    assertThat(comment.listReactions().toList()).hasSize(1);
    assertThat(repo.getIssue(issue.getNumber()).queryComments().list().toList())
        .extracting(GHIssueComment::getBody).containsExactly("On it (edited)");
    issue.close();

    assertThat(repo.getPermission("maintainer")).isEqualTo(GHPermissionType.ADMIN);
    assertThat(repo.getPermission("outsider")).isEqualTo(GHPermissionType.READ);
    assertThat(github.getRateLimit().getCore().getLimit()).isEqualTo(5000);
    fake.assertNoContractViolations();
  }

  @Test
  void gitPullsAndVariablesThroughHub4jSpeakGitHub() throws IOException {
    GHRepository repo = github.getRepository("octo-org/app");
    String main = fake.repository("octo-org/app").branchHead("main").orElseThrow();
    GHCommit commit = repo.createCommit().message("Fix crash").tree(treeOf(main)).parent(main).create();
    GHRef branch = repo.createRef("refs/heads/aegis/1-crash", main);
    branch.updateTo(commit.getSHA1(), false);
    GHPullRequest pr = repo.createPullRequest("Fix crash", "aegis/1-crash", "main", "Fixes #1");
    pr.addLabels("aegis");
    assertThat(repo.getPullRequest(pr.getNumber()).getHead().getRef()).isEqualTo("aegis/1-crash");
    assertThat(repo.queryPullRequests().head("octo-org:aegis/1-crash").state(GHIssueState.OPEN).list().toList())
        .hasSize(1);
    branch.delete();

    repo.createVariable("AEGIS_MAX_CONCURRENT_RUNS", "0");
    repo.getVariable("AEGIS_MAX_CONCURRENT_RUNS").set().value("3");
    assertThat(repo.getVariable("AEGIS_MAX_CONCURRENT_RUNS").getValue()).isEqualTo("3");
    fake.assertNoContractViolations();
  }

  private String treeOf(String commit) {
    return new RawGitHub(fake.apiUrl(), fake.newToken("maintainer"))
        .get("/repos/octo-org/app/git/commits/" + commit).json().path("tree").path("sha").asText();
  }
}
