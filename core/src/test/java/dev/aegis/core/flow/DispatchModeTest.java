package dev.aegis.core.flow;

import static org.assertj.core.api.Assertions.assertThat;

import dev.aegis.core.agent.Engine;
import dev.aegis.core.agent.Evidence;
import dev.aegis.core.agent.PlanReport;
import dev.aegis.core.agent.Risk;
import dev.aegis.core.config.ConfigLoader;
import dev.aegis.core.policy.CommandSandbox;
import dev.aegis.core.repo.local.LocalCodeHost;
import dev.aegis.core.run.RunLedger;
import dev.aegis.core.run.RunState;
import dev.aegis.core.run.StatusComment;
import dev.aegis.core.support.BareRepos;
import dev.aegis.core.support.Issues;
import dev.aegis.core.support.MutableClock;
import dev.aegis.core.tracker.Author;
import dev.aegis.core.tracker.IssueComment;
import dev.aegis.core.tracker.IssueKey;
import dev.aegis.core.tracker.Permission;
import dev.aegis.core.tracker.Phase;
import dev.aegis.core.tracker.memory.InMemoryTracker;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** On a dispatching host (the Jenkins controller) an approval is recorded once and queued under one key. */
class DispatchModeTest {
  @TempDir Path tmp;
  private final MutableClock clock = new MutableClock(Instant.now());
  private final IssueKey key = IssueKey.github(7);

  @Test
  void aProceedSeenAgainAfterTheGracePeriodIsQueuedUnderTheSameKeyWithoutRefreshingTheRun() {
    InMemoryTracker tracker = new InMemoryTracker(new Author("aegis-bot", true), "ready to implement", "bug", clock);
    tracker.put(Issues.ready(7, "Crash", Issues.GOOD_BODY, clock.instant()));
    tracker.grant("maya", Permission.WRITE);
    RunState awaiting = RunState.claimed("7-abcdef", key, "aegis/7-crash", "main", "sha", clock.instant())
        .withPhase(Phase.AWAITING_APPROVAL, clock.instant())
        .withFact(Planner.STAGE, "awaiting-approval", clock.instant())
        .withFact(Planner.PLAN, new PlanCodec().write(new PlanReport("s", "r",
            List.of(new Evidence("a.sh", 1, "n")), "f", "t", Risk.LOW)), clock.instant());
    new RunLedger(tracker).post(key, "rca", awaiting);
    tracker.setPhase(key, Phase.AWAITING_APPROVAL);
    IssueComment proceed = tracker.addCommentBy(key, Author.human("maya"), "/aegis proceed 7-abcdef");
    RunFlow controller = new RunFlow(new FlowContext(tracker,
        new LocalCodeHost("o/r", BareRepos.withInitialCommit(tmp.resolve("o.git")), BareRepos.git(tmp)),
        new AgentContext(new ConfigLoader().load(tmp, Map.of(), Map.of(), "test"), Map.of(), tmp, tmp.resolve("rec"),
            clock, new NoEngine(), line -> { }), true));

    FlowResult first = controller.comment(key, new IncomingComment(proceed.id(), proceed.author(), proceed.body()));
    StatusComment afterFirst = new RunLedger(tracker).latest(key, tracker.comments(key)).orElseThrow();
    clock.advance(Duration.ofMinutes(5));
    FlowResult again = controller.comment(key, new IncomingComment(proceed.id(), proceed.author(), proceed.body()));

    assertThat(first.status()).isEqualTo(FlowResult.Status.QUEUED);
    assertThat(again.status()).isEqualTo(FlowResult.Status.QUEUED);
    assertThat(again.queued()).isEqualTo(first.queued());
    assertThat(first.queued().step()).isEqualTo("implement");
    assertThat(new RunLedger(tracker).latest(key, tracker.comments(key)).orElseThrow().state().updatedAt())
        .as("the controller must not keep a dead worker's run looking alive").isEqualTo(afterFirst.state().updatedAt());
  }

  /** The controller never runs an agent. */
  private static final class NoEngine implements EngineProvider {
    @Override
    public Engine engine(dev.aegis.core.config.AegisConfig c, Map<String, String> e, dev.aegis.core.agent.Progress p) {
      throw new AssertionError("a dispatching host must not run the agent");
    }

    @Override
    public CommandSandbox sandbox() {
      throw new AssertionError("a dispatching host must not run commands");
    }
  }
}
