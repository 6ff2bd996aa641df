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
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

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
    // the markers go to a directory the sandbox lets commands write (the rest of the host is read-only to them)
    Path markers = world.dir().resolve("markers");
    createDirectories(markers);
    String slowTests = "touch " + markers + "/tests-started; sleep 25; sh test.sh; s=$?; touch " + markers
        + "/tests-done; exit $s";
    Job implementing = world.start("issue_comment", world.comment("maya", "/aegis proceed " + world.state().runId()),
        world.scripted("fix", Scripts.FIX), Map.of("AEGIS_TEST_COMMAND", slowTests, "AEGIS_CLAIM_GRACE_SECONDS", "60",
            "AEGIS_SANDBOX_WRITE_PATHS", markers.toString()));
    Path started = markers.resolve("tests-started");
    Path done = markers.resolve("tests-done");
    awaitTrue(() -> Files.exists(started), Duration.ofSeconds(60), "the tests to start");
    Instant before = world.state().updatedAt();

    awaitTrue(() -> !world.state().updatedAt().equals(before) || Files.exists(done), Duration.ofSeconds(60),
        "a status update or the end of the tests");

    assertThat(done).as("the run reported progress while the tests ran (heartbeat)").doesNotExist();
    implementing.await(JarWorld.JOB_TIMEOUT).expectExit(ExitCodes.OK);
    world.assertConverged(Phase.PR_OPENED, 1);
  }

  private static void createDirectories(Path dir) {
    try {
      Files.createDirectories(dir);
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  /**
   * A re-run job, a redelivered webhook, the scheduled poll and the event's own job carry the same approval
   * at once: one of them implements, the others leave the run alone, and the branch only ever moves forward
   * (the repository refuses force-pushes here, and its reflog shows every move).
   */
  @ParameterizedTest(name = "{0} concurrent deliveries")
  @ValueSource(ints = {4, 8})
  void concurrentDeliveriesOfOneProceedGiveOneImplementationAndNoForcePush(int deliveries) {
    world.run("issues", world.labeled(), plan).expectExit(ExitCodes.OK);
    world.git("config", "receive.denyNonFastForwards", "true");
    world.git("config", "core.logAllRefUpdates", "always");
    var approval = world.comment("maya", "/aegis proceed " + world.state().runId());
    Map<String, String> fix = world.scripted("fix", Scripts.FIX);
    java.util.List<Job> jobs = new java.util.ArrayList<>();
    for (int i = 0; i < deliveries; i++) {
      jobs.add(world.start("issue_comment", approval, fix));
    }
    java.util.List<Job.Result> results = jobs.stream().map(j -> j.await(JarWorld.JOB_TIMEOUT)).toList();

    results.forEach(r -> r.expectExit(ExitCodes.OK));
    assertThat(results.stream().filter(r -> r.output().contains("Pull request opened"))).hasSize(1);
    world.assertConverged(Phase.PR_OPENED, 1);
    String moves = world.git("reflog", "show", "--format=%H", "refs/heads/" + JarWorld.BRANCH);
    java.util.List<String> shas = moves.lines().toList();
    for (int i = 0; i + 1 < shas.size(); i++) {
      assertThat(world.git("merge-base", "--is-ancestor", shas.get(i + 1), shas.get(i))).as("a fast-forward").isEmpty();
    }
    assertThat(world.git("log", "--format=%s", "refs/heads/" + JarWorld.BRANCH).lines()
        .filter(l -> l.startsWith("aegis: implement"))).as("implementing commits").hasSize(1);
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
