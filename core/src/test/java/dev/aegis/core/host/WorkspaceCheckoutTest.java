package dev.aegis.core.host;

import static org.assertj.core.api.Assertions.assertThat;

import dev.aegis.core.demo.DemoConnector;
import dev.aegis.core.demo.DemoEngineProvider;
import dev.aegis.core.demo.DemoWorld;
import dev.aegis.core.policy.CommandSandbox;
import dev.aegis.core.support.RecordingLog;
import dev.aegis.core.tracker.IssueKey;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** 'plan' and 'implement' work on the code: outside a checkout they say so before claiming or writing anything. */
class WorkspaceCheckoutTest {
  private static final IssueKey READY = IssueKey.github(101);

  @TempDir Path tmp;

  @Test
  void aPlanOutsideACheckoutSaysWhatIsMissingAndClaimsNothing() throws IOException {
    DemoWorld world = DemoWorld.create(tmp.resolve("world"), dev.aegis.core.support.Sandboxes.PROGRAMS, Clock.systemUTC());
    List<String> labels = world.tracker().issue(READY).orElseThrow().labels();
    int comments = world.tracker().comments(READY).size();
    List<String> lines = new ArrayList<>();

    for (Path workspace : List.of(Files.createDirectories(tmp.resolve("empty")), world.workspace().resolve("src"))) {
      HostResult r = entry(world).execute(
          new HostRequest(HostCommand.PLAN, "101", null, false, null, Map.of(), env(), workspace), new RecordingLog(lines));

      assertThat(r.outcome()).as(workspace.toString()).isEqualTo(HostResult.Outcome.INPUT_ERROR);
      assertThat(r.message())
          .contains("the workspace " + workspace + " is not a git checkout", "Nothing was claimed", "checkout scm");
    }
    assertThat(world.tracker().issue(READY).orElseThrow().labels()).isEqualTo(labels);
    assertThat(world.tracker().comments(READY)).hasSize(comments);
  }

  @Test
  void onlyTheCommandsThatWorkOnTheCodeNeedACheckout() {
    assertThat(HostCommand.values())
        .filteredOn(HostCommand::needsCheckout)
        .containsExactlyInAnyOrder(HostCommand.PLAN, HostCommand.IMPLEMENT);
  }

  private static CoreEntry entry(DemoWorld world) {
    return new CoreEntry(new DemoConnector(world), Clock.systemUTC(), new Random(3),
        new DemoEngineProvider(Clock.systemUTC(), dev.aegis.core.support.Sandboxes.unisolated()));
  }

  private Map<String, String> env() {
    return Map.of("PATH", System.getenv("PATH"), "HOME", tmp.toString(), "AEGIS_RECORDS_DIR",
        tmp.resolve("records").toString());
  }
}
