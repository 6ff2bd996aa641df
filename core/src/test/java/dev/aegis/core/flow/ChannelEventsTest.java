package dev.aegis.core.flow;

import static dev.aegis.core.flow.FakeEngines.calcPlan;
import static dev.aegis.core.flow.FakeEngines.fixingCalc;
import static dev.aegis.core.flow.FakeEngines.planning;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.aegis.core.agent.Engine;
import dev.aegis.core.agent.Risk;
import dev.aegis.core.agent.Stop;
import dev.aegis.core.channel.ChannelException;
import dev.aegis.core.channel.Channels;
import dev.aegis.core.channel.RecordingChannel;
import dev.aegis.core.channel.RunEvent;
import dev.aegis.core.channel.RunEvent.Kind;
import dev.aegis.core.policy.Redactor;
import dev.aegis.core.tracker.IssueComment;
import dev.aegis.core.tracker.Phase;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The run's steps tell the channels once each, and a channel never changes how the run ends. */
class ChannelEventsTest {
  @TempDir Path tmp;
  private FlowWorld world;
  private RecordingChannel channel;

  @BeforeEach
  void world() {
    world = FlowWorld.create(tmp);
    channel = RecordingChannel.everything("recording");
    world.channels = new Channels(List.of(channel), Duration.ofSeconds(5), Redactor.none(), world.progress::add);
  }

  @Test
  void aRunThatOpensAPullRequestIsAnnouncedClaimedPlannedApprovedAndOpenedOnceEach() {
    world.engines.then(planning(calcPlan(Risk.LOW)));
    world.claimAndPlan();
    world.engines.then(fixingCalc());
    world.comment("maya", "/aegis proceed " + world.state().runId());

    assertThat(channel.kinds()).containsExactly(Kind.CLAIMED, Kind.PLANNED, Kind.APPROVED, Kind.PR_OPENED);
    RunEvent planned = channel.events().get(1);
    assertThat(planned.runId()).isEqualTo(world.state().runId());
    assertThat(planned.issue()).isEqualTo("#42");
    assertThat(planned.issueUrl()).isEqualTo("https://github.com/acme/calc/issues/42");
    assertThat(planned.summary()).isEqualTo(calcPlan(Risk.LOW).summary());
    assertThat(planned.risk()).isEqualTo("low");
    assertThat(channel.events().get(2).by()).isEqualTo("maya");
    assertThat(channel.events().get(3).link()).isEqualTo(world.state().fact("pr").orElseThrow());
    assertThat(channel.events()).extracting(RunEvent::deliveryId).doesNotHaveDuplicates();
  }

  @Test
  void anImplementationResumedByAReRunJobAnnouncesTheApprovalOnlyOnce() {
    world.engines.then(planning(calcPlan(Risk.LOW)));
    world.claimAndPlan();
    IssueComment approval = world.post("maya", "/aegis proceed " + world.state().runId());
    Engine dies = task -> {
      throw new ResumeAfterCrashTest.JobDied("the runner went away");
    };
    world.engines.then(dies);
    assertThatThrownBy(() -> world.deliver(approval)).hasMessageContaining("went away");
    world.clock.advance(Duration.ofSeconds(121));
    world.engines.then(fixingCalc());

    FlowResult resumed = world.deliver(approval);

    assertThat(resumed.status()).isEqualTo(FlowResult.Status.PR_OPENED);
    assertThat(channel.kinds()).containsExactly(Kind.CLAIMED, Kind.PLANNED, Kind.APPROVED, Kind.PR_OPENED);
  }

  @Test
  void aReplanAfterAnAskIsANewPlannedEvent() {
    world.engines.then(planning(calcPlan(Risk.LOW)));
    world.claimAndPlan();
    world.engines.then(planning(calcPlan(Risk.MEDIUM)));
    world.comment("maya", "/aegis ask " + world.state().runId() + " what about sub()?");

    assertThat(channel.kinds()).containsExactly(Kind.CLAIMED, Kind.PLANNED, Kind.PLANNED);
    assertThat(channel.events().get(2).risk()).isEqualTo("medium");
    assertThat(channel.events().get(2).deliveryId()).isNotEqualTo(channel.events().get(1).deliveryId());
  }

  @Test
  void aBlockedRunIsAnnouncedWithTheFirstParagraphOfTheReason() {
    world.engines.then(FakeEngines.stopping(Stop.budget(dev.aegis.core.agent.Budget.Kind.STEPS, "60 of 60 steps")));
    FlowResult r = world.claimAndPlan();

    assertThat(r.status()).isEqualTo(FlowResult.Status.BLOCKED);
    RunEvent blocked = channel.events().get(channel.events().size() - 1);
    assertThat(blocked.kind()).isEqualTo(Kind.BLOCKED);
    assertThat(blocked.reason()).startsWith("The investigation stopped before a root cause was found").doesNotContain("\n");
  }

  @Test
  void aStoppedRunIsAnnouncedWithWhoStoppedIt() {
    world.engines.then(planning(calcPlan(Risk.LOW)));
    world.claimAndPlan();
    world.comment("maya", "/aegis stop " + world.state().runId());

    assertThat(channel.kinds()).containsExactly(Kind.CLAIMED, Kind.PLANNED, Kind.STOPPED);
    assertThat(channel.events().get(2).by()).isEqualTo("maya");
  }

  @Test
  void everyChannelDownOrHangingLeavesTheRunEndingRightOnTheTracker() {
    RecordingChannel refusing = RecordingChannel.everything("slack")
        .refusing(new ChannelException("HTTP 404 no_service", 404, null));
    RecordingChannel hanging = RecordingChannel.everything("webhook").hanging();
    world.channels = new Channels(List.of(refusing, hanging), Duration.ofMillis(200), Redactor.none(),
        world.progress::add);
    world.engines.then(planning(calcPlan(Risk.LOW)));
    world.claimAndPlan();
    world.engines.then(fixingCalc());

    FlowResult done = world.comment("maya", "/aegis proceed " + world.state().runId());

    assertThat(done.status()).isEqualTo(FlowResult.Status.PR_OPENED);
    assertThat(world.state().phase()).isEqualTo(Phase.PR_OPENED);
    assertThat(world.aegisLabels()).containsExactly("aegis:pr-opened");
    assertThat(world.progress).filteredOn(l -> l.startsWith("Channel slack was not told")).hasSize(4);
    assertThat(world.progress).filteredOn(l -> l.startsWith("Channel webhook was not told")).hasSize(4);
  }

  @Test
  void whenTheTrackerUpdateFailsTheChannelsAreStillTold() {
    world.engines.then(planning(calcPlan(Risk.LOW)));
    world.claimAndPlan();
    world.engines.then(fixingCalc());
    IssueComment approval = world.post("maya", "/aegis proceed " + world.state().runId());
    java.util.concurrent.atomic.AtomicBoolean down = new java.util.concurrent.atomic.AtomicBoolean();
    world.flowTracker = (dev.aegis.core.tracker.Tracker) java.lang.reflect.Proxy.newProxyInstance(
        getClass().getClassLoader(), new Class<?>[] {dev.aegis.core.tracker.Tracker.class}, (proxy, method, args) -> {
          if (down.get() && method.getName().equals("editComment")) {
            throw new dev.aegis.core.tracker.TrackerException("GitHub is down", 502, "https://api.github.com");
          }
          try {
            return method.invoke(world.tracker, args);
          } catch (java.lang.reflect.InvocationTargetException e) {
            throw e.getCause();
          }
        });
    // GitHub goes down right after the pull request is opened: the run's status comment cannot be written
    world.codeHost = (dev.aegis.core.repo.CodeHost) java.lang.reflect.Proxy.newProxyInstance(
        getClass().getClassLoader(), new Class<?>[] {dev.aegis.core.repo.CodeHost.class}, (proxy, method, args) -> {
          try {
            return method.invoke(world.code, args);
          } catch (java.lang.reflect.InvocationTargetException e) {
            throw e.getCause();
          } finally {
            if (method.getName().equals("createPullRequest")) {
              down.set(true);
            }
          }
        });

    assertThatThrownBy(() -> world.deliver(approval)).hasMessageContaining("GitHub is down");

    assertThat(channel.kinds()).containsExactly(Kind.CLAIMED, Kind.PLANNED, Kind.APPROVED, Kind.PR_OPENED);
    assertThat(channel.events().get(3).link()).isNotEmpty();
    assertThat(world.code.pullRequestDrafts()).hasSize(1);
  }

  @Test
  void withoutChannelsTheStatusCommentRecordsNoAnnouncement() {
    world.channels = Channels.none();
    world.engines.then(planning(calcPlan(Risk.LOW)));
    world.claimAndPlan();

    assertThat(world.state().fact(Announcements.NOTIFIED)).isEmpty();
  }
}
