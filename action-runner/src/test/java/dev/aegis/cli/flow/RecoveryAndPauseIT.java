package dev.aegis.cli.flow;

import static org.assertj.core.api.Assertions.assertThat;

import dev.aegis.cli.ExitCodes;
import dev.aegis.core.run.RunState;
import dev.aegis.core.run.StateBlock;
import dev.aegis.core.tracker.IssueKey;
import dev.aegis.core.tracker.Phase;
import dev.aegis.testkit.github.FakeGitHub;
import dev.aegis.testkit.model.ScriptedModelServer;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Scheduled runs block stale runs; a paused Aegis does nothing at all, and picks up missed commands on resume. */
class RecoveryAndPauseIT extends InJarWorld {
  private static final Map<String, String> PAUSED = Map.of("AEGIS_MAX_CONCURRENT_RUNS", "0");

  /** Puts a run in progress on {@code issue} whose status comment last changed {@code age} ago. */
  private void runInProgress(int issue, String runId, Duration age) {
    RunState state = RunState.claimed(runId, IssueKey.github(issue), "aegis/" + issue + "-fix", "main", "",
        Instant.now().minus(age));
    world.repo.addComment(issue, FakeGitHub.ACTIONS_BOT,
        "### 🛡️ Aegis is investigating this bug\n\n" + new StateBlock().write(state));
  }

  @Test
  void aScheduledRunBlocksARunWithoutProgressFor20MinutesAndLeavesALiveOneAlone() {
    int stale = world.repo.addIssue("Totals are wrong", JarWorld.BODY, "dana", "bug", "ready to implement",
        "aegis:in-progress");
    int live = world.repo.addIssue("Totals are slow", JarWorld.BODY, "dana", "bug", "ready to implement",
        "aegis:in-progress");
    runInProgress(stale, stale + "-stale1", Duration.ofMinutes(25));
    runInProgress(live, live + "-live01", Duration.ofSeconds(30));

    Job.Result scan = world.run("schedule", world.schedule(), world.scripted("plan", Scripts.PLAN));

    scan.expectExit(ExitCodes.OK);
    assertThat(world.repo.issue(stale).orElseThrow().labels()).contains("aegis:blocked").doesNotContain("aegis:in-progress");
    assertThat(world.repo.comments(stale)).singleElement().satisfies(c -> {
      assertThat(c.body()).contains("Aegis stopped: this run is blocked", "no progress was reported for 25 minutes",
          "remove the aegis:blocked label");
      assertThat(new StateBlock().read(c.body()).orElseThrow().phase()).isEqualTo(Phase.BLOCKED);
    });
    assertThat(world.repo.issue(live).orElseThrow().labels()).contains("aegis:in-progress").doesNotContain("aegis:blocked");
    assertThat(new StateBlock().read(world.repo.comments(live).get(0).body()).orElseThrow().phase())
        .isEqualTo(Phase.IN_PROGRESS);
    world.fake.assertNoContractViolations();
  }

  @Test
  void aScheduledRunResumesARunWhoseJobWentQuietPastTheGracePeriod() {
    int quiet = world.repo.addIssue("Totals are wrong", JarWorld.BODY, "dana", "bug", "ready to implement",
        "aegis:in-progress");
    runInProgress(quiet, quiet + "-quiet1", Duration.ofMinutes(3));

    Job.Result scan = world.run("schedule", world.schedule(), world.scripted("plan", Scripts.PLAN));

    scan.expectExit(ExitCodes.OK);
    assertThat(world.repo.issue(quiet).orElseThrow().labels())
        .contains("aegis:awaiting-approval").doesNotContain("aegis:in-progress", "aegis:blocked");
    assertThat(world.repo.comments(quiet)).singleElement()
        .satisfies(c -> assertThat(new StateBlock().read(c.body()).orElseThrow().runId()).isEqualTo(quiet + "-quiet1"));
    world.fake.assertNoContractViolations();
  }

  @Test
  void whilePausedEveryEventReturnsAtOnceWithoutASingleRequest() {
    try (ScriptedModelServer model = ScriptedModelServer.start(Scripts.PLAN)) {
      Map<String, String> llm = JarWorld.overHttp(model);

      Job.Result labeled = world.run("issues", world.labeled(), llm, PAUSED);
      Job.Result comment = world.run("issue_comment", world.comment("maya", "/aegis proceed 1-abcdef"), llm, PAUSED);
      Job.Result scan = world.run("schedule", world.schedule(), llm, PAUSED);

      for (Job.Result r : new Job.Result[] {labeled, comment, scan}) {
        r.expectExit(ExitCodes.OK);
        assertThat(r.output()).contains("Aegis is paused (max-concurrent-runs is 0): nothing was done.");
      }
      assertThat(world.fake.requests()).isEmpty();
      assertThat(model.requests()).isEmpty();
      assertThat(world.aegisBranches()).isEmpty();
    }
  }

  @Test
  void aProceedPostedWhilePausedIsCarriedOutByTheFirstScheduledRunAfterResuming() {
    world.run("issues", world.labeled(), world.scripted("plan", Scripts.PLAN)).expectExit(ExitCodes.OK);
    String run = world.state().runId();
    world.run("issue_comment", world.comment("maya", "/aegis proceed " + run), PAUSED).expectExit(ExitCodes.OK);
    world.assertConverged(Phase.AWAITING_APPROVAL, 0);

    world.run("schedule", world.schedule(), world.scripted("fix", Scripts.FIX)).expectExit(ExitCodes.OK);

    world.assertConverged(Phase.PR_OPENED, 1);
    assertThat(world.pulls().get(0).body()).contains("approved by @\u200Bmaya");
  }
}
