package dev.aegis.core.run;

import static org.assertj.core.api.Assertions.assertThat;

import dev.aegis.core.tracker.IssueKey;
import dev.aegis.core.tracker.Phase;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class StateBlockTest {
  private final StateBlock blocks = new StateBlock();
  private final RunState state = new RunState("12-abc123", IssueKey.github(12), Phase.AWAITING_APPROVAL,
      "aegis/12-x", "main", "deadbeef", Instant.parse("2026-11-21T10:00:00Z"), List.of("c1", "c2"),
      Map.of("pr", "https://github.com/o/r/pull/3"));

  @Test
  void aWrittenBlockReadsBackToTheSameState() {
    String body = "Human text\n\n" + blocks.write(state);
    assertThat(blocks.read(body)).contains(state);
  }

  @Test
  void valuesContainingCommentTerminatorsCannotBreakOutOfTheBlock() {
    RunState sneaky = state.withFact("note", "--> <script>alert(1)</script> <!--", state.updatedAt());
    String block = blocks.write(sneaky);
    assertThat(block.indexOf("-->")).isEqualTo(block.length() - 3);
    assertThat(blocks.read(block)).contains(sneaky);
  }

  @Test
  void malformedOrForeignBlocksReadAsEmpty() {
    assertThat(blocks.read("<!-- aegis:state {not json} -->")).isEmpty();
    assertThat(blocks.read("<!-- aegis:state {\"v\":2,\"run\":\"x\"} -->")).isEmpty();
    assertThat(blocks.read("<!-- aegis:state {\"v\":1} -->")).isEmpty();
    assertThat(blocks.read("no block here")).isEmpty();
    assertThat(blocks.read(null)).isEmpty();
  }

  @Test
  void replaceSwapsTheBlockAndKeepsTheText() {
    String body = "Text\n\n" + blocks.write(state);
    RunState next = state.withPhase(Phase.PR_OPENED, Instant.parse("2026-11-21T11:00:00Z"));
    String replaced = blocks.replace(body, next);
    assertThat(replaced).startsWith("Text\n\n");
    assertThat(blocks.read(replaced)).contains(next);
  }
}
