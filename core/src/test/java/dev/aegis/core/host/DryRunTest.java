package dev.aegis.core.host;

import static org.assertj.core.api.Assertions.assertThat;

import dev.aegis.core.demo.DemoConnector;
import dev.aegis.core.demo.DemoEngineProvider;
import dev.aegis.core.demo.DemoWorld;
import dev.aegis.core.flow.EngineProvider;
import dev.aegis.core.policy.CommandSandbox;
import dev.aegis.core.support.RecordingLog;
import dev.aegis.core.tracker.IssueKey;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A dry run decides and prints, and writes nothing; a command that cannot be dry refuses instead of acting. */
class DryRunTest {
  private static final IssueKey READY = IssueKey.github(101);

  @TempDir Path tmp;
  private DemoWorld world;
  private final List<String> lines = new ArrayList<>();

  @BeforeEach
  void world() {
    world = DemoWorld.create(tmp.resolve("world"), dev.aegis.core.support.Sandboxes.PROGRAMS, Clock.systemUTC());
  }

  @Test
  void aDryRunPlanDecidesAndWritesNothing() {
    List<String> labels = world.tracker().issue(READY).orElseThrow().labels();
    int comments = world.tracker().comments(READY).size();

    HostResult r = demo().execute(request(HostCommand.PLAN, "101"), new RecordingLog(lines));

    assertThat(r.outcome()).isEqualTo(HostResult.Outcome.OK);
    assertThat(r.outputs().get("decision")).startsWith("github:#101 would run");
    assertThat(r.outputs()).doesNotContainKeys("run-id", "work");
    assertThat(lines).contains("Dry run: 'plan' would investigate github:#101; nothing was claimed, written or run.");
    assertThat(world.tracker().issue(READY).orElseThrow().labels()).isEqualTo(labels);
    assertThat(world.tracker().comments(READY)).hasSize(comments);
  }

  @Test
  void implementAndRunRefuseADryRunBeforeConnectingOrRunningAnything() {
    Connector untouchable = (config, environment) -> {
      throw new AssertionError("a refused dry run must not connect");
    };
    EngineProvider noEngine = new EngineProvider() {
      @Override
      public dev.aegis.core.agent.Engine engine(
          dev.aegis.core.config.AegisConfig config, Map<String, String> environment, dev.aegis.core.agent.Progress p) {
        throw new AssertionError("a refused dry run must not run the agent");
      }

      @Override
      public CommandSandbox sandbox() {
        return dev.aegis.core.support.Sandboxes.unisolated();
      }
    };
    CoreEntry entry = new CoreEntry(untouchable, Clock.systemUTC(), new Random(1), noEngine);

    for (HostCommand command : List.of(HostCommand.IMPLEMENT, HostCommand.RUN)) {
      HostResult r = entry.execute(
          new HostRequest(command, "101", "101-abc", true, "explain", Map.of(), env(), world.workspace()),
          new RecordingLog(lines));

      assertThat(r.outcome()).as(command.cliName()).isEqualTo(HostResult.Outcome.INPUT_ERROR);
      assertThat(r.message()).startsWith("'" + command.cliName() + "' has no dry run").contains("Nothing was done");
    }
  }

  @Test
  void everyOtherCommandHonoursTheDryRun() {
    assertThat(HostCommand.values())
        .filteredOn(HostCommand::supportsDryRun)
        .containsExactlyInAnyOrder(HostCommand.PICKUP, HostCommand.PLAN, HostCommand.ACTION, HostCommand.RECOVER,
            HostCommand.SCAN, HostCommand.EVENT, HostCommand.LINEAR_EVENT);
  }

  @Test
  void aPauseStopsEveryCommandButAFreeFormRun() {
    assertThat(HostCommand.values()).filteredOn(command -> !command.honoursPause()).containsExactly(HostCommand.RUN);
  }

  private CoreEntry demo() {
    return new CoreEntry(new DemoConnector(world), Clock.systemUTC(), new Random(3),
        new DemoEngineProvider(Clock.systemUTC(), dev.aegis.core.support.Sandboxes.unisolated()));
  }

  private HostRequest request(HostCommand command, String issue) {
    return new HostRequest(command, issue, null, true, null, Map.of(), env(), world.workspace());
  }

  private Map<String, String> env() {
    return Map.of("PATH", System.getenv("PATH"), "HOME", tmp.toString(), "AEGIS_RECORDS_DIR",
        tmp.resolve("records").toString());
  }
}
