package dev.aegis.cli.flow;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.aegis.cli.ExitCodes;
import dev.aegis.core.tracker.Phase;
import dev.aegis.testkit.github.FakeGitHub;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * GitHub Actions as it really behaves, through the jar: the repository forbids GitHub Actions to create pull
 * requests (GitHub's 403 to the workflow's token), and the job that re-runs the approval after the setting changed.
 */
class ActionsSettingsIT extends InJarWorld {
  private static final Map<String, String> ACTIONS_RUN = Map.of("GITHUB_SERVER_URL", "https://github.com",
      "GITHUB_RUN_ID", "777", "GITHUB_RUN_ATTEMPT", "1");

  @Test
  void aRefusedPullRequestBlocksTheRunNamingTheSettingAndTheReRunOpensItFromThePushedBranch() throws Exception {
    world.repo.setActionsMayCreatePullRequests(false);
    world.run("issues", world.labeled(), world.scripted("plan", Scripts.PLAN), ACTIONS_RUN).expectExit(ExitCodes.OK);
    String run = world.state().runId();
    ObjectNode approval = world.comment("maya", "/aegis proceed " + run);

    Job.Result blocked = world.run("issue_comment", approval, world.scripted("fix", Scripts.FIX), ACTIONS_RUN)
        .expectExit(ExitCodes.BLOCKED);

    world.assertConverged(Phase.BLOCKED, 0);
    assertThat(world.statusText()).contains("GitHub Actions is not permitted to create or approve pull requests.",
        "Allow GitHub Actions to create and approve pull requests", "`" + JarWorld.BRANCH + "`",
        "_Written by [workflow run 777](https://github.com/acme/calc/actions/runs/777)._");
    assertThat(world.git("diff", "--name-only", "main", JarWorld.BRANCH)).isEqualTo("src/calc.sh\n");
    assertThat(blocked.output().lines().filter(l -> l.startsWith("::error") || l.startsWith("::warning")))
        .singleElement().asString().startsWith("::error title=Aegis%3A github%3A#1::github:#1 blocked - GitHub refused");

    world.repo.setActionsMayCreatePullRequests(true);
    // "Re-run jobs": the same event again, with a model that has nothing to say: any agent run would fail the job
    world.run("issue_comment", approval, world.scripted("silent", "{\"steps\": []}"), ACTIONS_RUN)
        .expectExit(ExitCodes.OK);

    world.assertConverged(Phase.PR_OPENED, 1);
    assertThat(world.pulls().get(0).author()).isEqualTo(FakeGitHub.ACTIONS_BOT);
    assertThat(world.pulls().get(0).body()).startsWith("Fixes #1");
  }

  @Test
  void theJobSummaryLinksTheIssueTheStatusCommentAndTheWorkflowRun() throws Exception {
    world.run("issues", world.labeled(), world.scripted("plan", Scripts.PLAN), ACTIONS_RUN).expectExit(ExitCodes.OK);

    String summary = Files.readString(world.dir().resolve("job-1-issues/summary.md"));

    assertThat(summary).contains("[Workflow run 777](https://github.com/acme/calc/actions/runs/777)",
        "artifact `aegis-records-777-1`", "[github:#1](", "/acme/calc/issues/1)", "[status comment](",
        "#issuecomment-");
  }
}
