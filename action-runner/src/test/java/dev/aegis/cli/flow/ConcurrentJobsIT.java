package dev.aegis.cli.flow;

import static org.assertj.core.api.Assertions.assertThat;

import dev.aegis.cli.ExitCodes;
import dev.aegis.core.tracker.Phase;
import dev.aegis.testkit.hold.HeldRequest;
import dev.aegis.testkit.model.ScriptedModelServer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.locks.LockSupport;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Jobs that overlap, as they do on GitHub Actions: two events for one label change, a command handled while
 * another job is working. One job is held at a precise request while the other runs to its end.
 */
class ConcurrentJobsIT extends InJarWorld {
  private static final Duration ARRIVAL = Duration.ofSeconds(60);

  private Map<String, String> plan;

  @BeforeEach
  void setUp() {
    plan = world.scripted("plan", Scripts.PLAN);
  }

  @Test
  void aJobThatLosesTheClaimRaceStepsAsideAndTheWinnerFinishes() {
    HeldRequest statusComment = world.fake.holdNext("POST", "/repos/{owner}/{repo}/issues/{issue_number}/comments");
    Job winner = world.start("issues", world.labeled(), plan);
    statusComment.awaitArrival(ARRIVAL);

    Job.Result loser = world.run("issues", world.labeled(), plan).expectExit(ExitCodes.OK);
    assertThat(loser.output()).contains("claim in flight");
    assertThat(world.comments()).isEmpty();
    statusComment.release();

    winner.await(JarWorld.JOB_TIMEOUT).expectExit(ExitCodes.OK);
    world.assertConverged(Phase.AWAITING_APPROVAL, 0);
  }

  @Test
  void aSecondLabeledEventWhileThePlanRunsChangesNothing() {
    try (ScriptedModelServer model = ScriptedModelServer.start(Scripts.PLAN)) {
      HeldRequest modelCall = model.holdNext();
      Job first = world.start("issues", world.labeled(), JarWorld.overHttp(model));
      modelCall.awaitArrival(ARRIVAL);

      Job.Result second = world.run("issues", world.labeled(), JarWorld.overHttp(model)).expectExit(ExitCodes.OK);
      assertThat(second.output()).contains("already claimed");
      modelCall.release();

      first.await(JarWorld.JOB_TIMEOUT).expectExit(ExitCodes.OK);
      world.assertConverged(Phase.AWAITING_APPROVAL, 0);
      assertThat(model.failures()).isEmpty();
    }
  }

  @Test
  void anImplementationKeepsReportingProgressWhileTheProjectsTestsRun() {
    world.run("issues", world.labeled(), plan).expectExit(ExitCodes.OK);
    String slowTests = "touch .git/tests-started; sleep 25; sh test.sh; s=$?; touch .git/tests-done; exit $s";
    Job implementing = world.start("issue_comment", world.comment("maya", "/aegis proceed " + world.state().runId()),
        world.scripted("fix", Scripts.FIX), Map.of("AEGIS_TEST_COMMAND", slowTests, "AEGIS_CLAIM_GRACE_SECONDS", "60"));
    Path started = implementing.workspace().resolve(".git/tests-started");
    Path done = implementing.workspace().resolve(".git/tests-done");
    awaitTrue(() -> Files.exists(started), Duration.ofSeconds(60), "the tests to start");
    Instant before = world.state().updatedAt();

    awaitTrue(() -> !world.state().updatedAt().equals(before) || Files.exists(done), Duration.ofSeconds(60),
        "a status update or the end of the tests");

    assertThat(done).as("the run reported progress while the tests ran (heartbeat)").doesNotExist();
    implementing.await(JarWorld.JOB_TIMEOUT).expectExit(ExitCodes.OK);
    world.assertConverged(Phase.PR_OPENED, 1);
  }

  /** Waits, polling, until {@code condition} holds. */
  private static void awaitTrue(BooleanSupplier condition, Duration timeout, String what) {
    Instant deadline = Instant.now().plus(timeout);
    while (!condition.getAsBoolean()) {
      if (Instant.now().isAfter(deadline)) {
        throw new AssertionError("waited " + timeout + " for " + what);
      }
      LockSupport.parkNanos(Duration.ofMillis(100).toNanos());
    }
  }

  @Test
  void aStopHandledByAnotherJobWhileTheFixIsMadeLeavesNoPushAndNoPullRequest() {
    world.run("issues", world.labeled(), plan).expectExit(ExitCodes.OK);
    String run = world.state().runId();
    try (ScriptedModelServer model = ScriptedModelServer.start(Scripts.FIX)) {
      HeldRequest modelCall = model.holdNext();
      Job implementing = world.start("issue_comment", world.comment("maya", "/aegis proceed " + run),
          JarWorld.overHttp(model));
      modelCall.awaitArrival(ARRIVAL);

      world.run("issue_comment", world.comment("maya", "/aegis stop " + run), Map.of()).expectExit(ExitCodes.OK);
      assertThat(world.aegisBranches()).isEmpty();
      modelCall.release();

      Job.Result result = implementing.await(JarWorld.JOB_TIMEOUT).expectExit(ExitCodes.OK);
      assertThat(result.output()).contains("stopped by maya");
      world.assertConverged(Phase.NONE, 0);
      assertThat(world.aegisBranches()).isEmpty();
      assertThat(world.labels()).containsExactly("bug");
      assertThat(world.statusText()).contains("Aegis stopped this run");
    }
  }
}
