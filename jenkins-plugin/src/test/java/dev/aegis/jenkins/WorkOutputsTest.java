package dev.aegis.jenkins;

import static org.assertj.core.api.Assertions.assertThat;

import dev.aegis.core.host.HostCommand;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class WorkOutputsTest {
  private final RecordingLog log = new RecordingLog();

  @Test
  void workLinesBecomeWorkItems() {
    List<WorkItem> work =
        WorkOutputs.parse(Map.of("work", "claim:42:r-1\tplan\t42\tr-1\ncomment:9\timplement\t7\tr-2\n"), log);

    assertThat(work)
        .containsExactly(
            new WorkItem("claim:42:r-1", HostCommand.PLAN, "42", "r-1"),
            new WorkItem("comment:9", HostCommand.IMPLEMENT, "7", "r-2"));
  }

  @Test
  void formatAndParseRoundTrip() {
    WorkItem item = new WorkItem("claim:ENG-950", HostCommand.PLAN, "ENG-950", null);

    assertThat(WorkOutputs.parse(Map.of("work", WorkOutputs.format(item)), log)).containsExactly(item);
  }

  @Test
  void malformedLinesAreSkippedWithAWarning() {
    List<WorkItem> work = WorkOutputs.parse(Map.of("work", "just text\nk\tdance\t1\t\nk2\tplan\t\t"), log);

    assertThat(work).isEmpty();
    assertThat(log.warnings).hasSize(3);
  }

  @Test
  void noWorkOutputMeansNoWork() {
    assertThat(WorkOutputs.parse(Map.of("decision", "ok"), log)).isEmpty();
  }

  @Test
  void workerParametersAreNamedAsTheJobDeclaresThem() {
    assertThat(new WorkItem("k", HostCommand.PLAN, "42", null).parameters())
        .containsExactly(Map.entry("ISSUE", "42"), Map.entry("COMMAND", "plan"), Map.entry("RUN_ID", ""));
  }
}
