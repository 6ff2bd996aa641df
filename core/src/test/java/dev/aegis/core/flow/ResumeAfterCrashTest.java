package dev.aegis.core.flow;

import static dev.aegis.core.flow.FakeEngines.calcPlan;
import static dev.aegis.core.flow.FakeEngines.fixingCalc;
import static dev.aegis.core.flow.FakeEngines.planning;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.aegis.core.agent.Engine;
import dev.aegis.core.agent.Risk;
import dev.aegis.core.tracker.IssueComment;
import dev.aegis.core.tracker.Phase;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A job that dies in the middle of an implement run (an exception escaping the flow stands for the crash)
 * leaves the run implementing; the same proceed delivered again after the claim grace period finishes it,
 * and a redelivery while the job is alive changes nothing.
 */
class ResumeAfterCrashTest {
  private static final Duration PAST_GRACE = Duration.ofSeconds(121);

  @TempDir Path tmp;
  private FlowWorld world;
  private IssueComment approval;

  @BeforeEach
  void planned() {
    world = FlowWorld.planned(tmp);
    approval = world.post("maya", "/aegis proceed " + world.state().runId());
  }

  /**
   * The job dies: an {@link Error} escapes every handler, as a killed process would skip them (an unexpected
   * exception, by contrast, ends the run blocked with a note).
   */
  private static Engine crashing(Engine before) {
    return task -> {
      before.run(task);
      throw new JobDied("the runner went away");
    };
  }

  static final class JobDied extends Error {
    private static final long serialVersionUID = 1L;

    JobDied(String message) {
      super(message);
    }
  }

  @Test
  void aRedeliveredProceedWhileTheImplementationIsAliveChangesNothing() {
    AtomicReference<FlowResult> meanwhile = new AtomicReference<>();
    world.engines.then(task -> {
      meanwhile.set(world.deliver(approval));
      return fixingCalc().run(task);
    });

    FlowResult result = world.deliver(approval);

    assertThat(meanwhile.get().status()).isEqualTo(FlowResult.Status.NOTHING_TO_DO);
    assertThat(meanwhile.get().detail()).contains("already in progress");
    assertThat(result.status()).isEqualTo(FlowResult.Status.PR_OPENED);
    assertThat(world.code.pullRequestDrafts()).hasSize(1);
  }

  @Test
  void aProceedRedeliveredWithinTheGracePeriodAfterACrashWaits() {
    world.engines.then(crashing(task -> null));
    assertThatThrownBy(() -> world.deliver(approval)).hasMessageContaining("the runner went away");

    FlowResult early = world.deliver(approval);

    assertThat(early.status()).isEqualTo(FlowResult.Status.NOTHING_TO_DO);
    assertThat(world.state().fact("stage")).contains("implementing");
  }

  @Test
  void aProceedRedeliveredAfterACrashMidFixFinishesTheRunOnce() {
    world.engines.then(crashing(task -> null));
    assertThatThrownBy(() -> world.deliver(approval)).hasMessageContaining("the runner went away");
    world.clock.advance(PAST_GRACE);
    world.engines.then(fixingCalc());

    FlowResult resumed = world.deliver(approval);

    assertThat(resumed.status()).isEqualTo(FlowResult.Status.PR_OPENED);
    assertThat(world.code.pullRequestDrafts()).hasSize(1);
    assertThat(world.statusComments()).hasSize(1);
    assertThat(world.aegisLabels()).containsExactly("aegis:pr-opened");
  }

  @Test
  void anAskWhoseReplanCrashedIsResumedByTheSameAskOnlyAfterTheGracePeriod() {
    IssueComment ask = world.post("maya", "/aegis ask " + world.state().runId() + " what about sub()?");
    world.engines.then(crashing(task -> null));
    assertThatThrownBy(() -> world.deliver(ask)).hasMessageContaining("the runner went away");

    FlowResult early = world.deliver(ask);
    world.clock.advance(PAST_GRACE);
    world.engines.then(planning(calcPlan(Risk.LOW)));
    FlowResult resumed = world.deliver(ask);

    assertThat(early.status()).isEqualTo(FlowResult.Status.NOTHING_TO_DO);
    assertThat(resumed.status()).isEqualTo(FlowResult.Status.AWAITING_APPROVAL);
    assertThat(world.engines.tasks().get(2).task()).contains("From maya: what about sub()?");
    assertThat(world.statusComments()).hasSize(1);
  }

  @Test
  void editsACrashedFixLeftInAReusedWorkspaceDoNotEndUpInTheResumedFix() {
    world.engines.then(crashing(task -> {
      FakeEngines.write(task, "scratch/notes.txt", "half-done thoughts\n");
      FakeEngines.write(task, "README.md", "half-edited\n");
      return null;
    }));
    assertThatThrownBy(() -> world.deliver(approval)).hasMessageContaining("the runner went away");
    world.clock.advance(PAST_GRACE);
    world.engines.then(fixingCalc());

    FlowResult resumed = world.deliver(approval);

    assertThat(resumed.status()).isEqualTo(FlowResult.Status.PR_OPENED);
    assertThat(world.originDiff()).isEqualTo("src/calc.sh");
  }

  @Test
  void aCrashAfterThePushResumesWithThePushedFixWithoutRunningTheAgentAgain() {
    CrashingCodeHost code = new CrashingCodeHost(world.code);
    world.codeHost = code;
    world.engines.then(fixingCalc());
    code.crashOnNextPullRequest();
    assertThatThrownBy(() -> world.deliver(approval)).hasMessageContaining("crashed");
    String pushed = world.originHead().orElseThrow();
    world.clock.advance(PAST_GRACE);

    FlowResult resumed = world.deliver(approval);

    assertThat(resumed.status()).isEqualTo(FlowResult.Status.PR_OPENED);
    assertThat(world.originHead()).contains(pushed);
    assertThat(world.engines.tasks()).hasSize(2);
    assertThat(world.code.pullRequestDrafts()).hasSize(1);
    assertThat(world.state().phase()).isEqualTo(Phase.PR_OPENED);
  }
}
