package dev.aegis.core.flow;

import static org.assertj.core.api.Assertions.assertThat;

import dev.aegis.core.tracker.IssueComment;
import dev.aegis.core.tracker.Phase;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** "Looks right. /aegis proceed 1-bp8pk5": the job it starts answers once that commands must start a line. */
class MidSentenceCommandTest {
  @TempDir Path tmp;

  @Test
  void aWritersMidSentenceCommandIsAnsweredOnceAndChangesNothing() {
    FlowWorld world = FlowWorld.planned(tmp);
    String run = world.state().runId();
    IssueComment c = world.post("maya", "Looks right. /aegis proceed " + run);

    FlowResult first = world.deliver(c);
    FlowResult again = world.deliver(c);

    assertThat(first.status()).isEqualTo(FlowResult.Status.NOTHING_TO_DO);
    assertThat(again.status()).isEqualTo(FlowResult.Status.NOTHING_TO_DO);
    assertThat(world.replies()).singleElement().asString().contains("a command must start a line",
        "Post it again on a line of its own: `/aegis proceed " + run + "`");
    assertThat(world.state().phase()).isEqualTo(Phase.AWAITING_APPROVAL);
    assertThat(world.engines.tasks()).hasSize(1);

    FlowResult onItsOwnLine = world.comment("maya", "Looks right.\n/aegis stop " + run);

    assertThat(onItsOwnLine.status()).isEqualTo(FlowResult.Status.STOPPED);
  }
}
