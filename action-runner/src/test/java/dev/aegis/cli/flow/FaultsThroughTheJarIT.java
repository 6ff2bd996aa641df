package dev.aegis.cli.flow;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.aegis.cli.ExitCodes;
import dev.aegis.core.run.StateBlock;
import dev.aegis.core.tracker.Phase;
import dev.aegis.testkit.github.ArmedFault;
import dev.aegis.testkit.github.Fault;
import org.junit.jupiter.api.Test;

/**
 * A sample of the fault matrix (core's {@code GitHubFaultMatrixTest}) through the fat jar: a lost answer on
 * a write GitHub does not treat as idempotent is resolved by reading, and a write that fails for good leaves
 * an interrupted run that the same event, delivered again, finishes at once.
 */
class FaultsThroughTheJarIT extends InJarWorld {
  private static final String COMMENTS = "/repos/acme/calc/issues/\\d+/comments";
  private static final String PULLS = "/repos/acme/calc/pulls";

  @Test
  void aStatusCommentStoredButAnswered502IsFoundNotPostedTwice() {
    ArmedFault lost = world.fake.failNth("POST", COMMENTS, 1, Fault.When.AFTER, Fault.badGateway());

    Job.Result planned = world.run("issues", world.labeled(), world.scripted("plan", Scripts.PLAN))
        .expectExit(ExitCodes.OK);

    assertThat(lost.fired()).isTrue();
    world.assertConverged(Phase.AWAITING_APPROVAL, 0);
    assertThat(planned.output()).contains("GitHub answered 502 while commenting on github:#1, but the write had "
        + "happened: found it, not writing it again");
  }

  @Test
  void aPullRequestOpenedButCutOffIsFoundByItsBranchAndLabelled() {
    world.run("issues", world.labeled(), world.scripted("plan", Scripts.PLAN)).expectExit(ExitCodes.OK);
    ArmedFault lost = world.fake.failNth("POST", PULLS, 1, Fault.When.AFTER, Fault.reset());

    world.run("issue_comment", world.comment("maya", "/aegis proceed " + world.state().runId()),
        world.scripted("fix", Scripts.FIX)).expectExit(ExitCodes.OK);

    assertThat(lost.fired()).isTrue();
    world.assertConverged(Phase.PR_OPENED, 1);
    assertThat(world.pulls().get(0).labels()).containsExactly("aegis");
  }

  @Test
  void aPullRequestGitHubWillNotOpenIsFinishedByTheSameProceedDeliveredAgain() {
    world.run("issues", world.labeled(), world.scripted("plan", Scripts.PLAN)).expectExit(ExitCodes.OK);
    ObjectNode proceed = world.comment("maya", "/aegis proceed " + world.state().runId());
    world.fake.failNext("POST", "/repos/{owner}/{repo}/pulls", 50, Fault.serviceUnavailable());

    Job.Result failed = world.run("issue_comment", proceed, world.scripted("fix", Scripts.FIX))
        .expectExit(ExitCodes.REMOTE);

    assertThat(failed.output()).contains("GitHub failed while opening a pull request", "recorded as interrupted");
    assertThat(world.state().interrupted()).isTrue();
    assertThat(world.aegisLabels()).containsExactly(Phase.IN_PROGRESS.label());
    assertThat(new StateBlock().textOf(world.statusComments().get(0).body())).contains("this run was interrupted");
    world.fake.clearFaults();

    world.run("issue_comment", proceed, world.scripted("no-steps", "{\"steps\": []}")).expectExit(ExitCodes.OK);

    world.assertConverged(Phase.PR_OPENED, 1);
  }
}
