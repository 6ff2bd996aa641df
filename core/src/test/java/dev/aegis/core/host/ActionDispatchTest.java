package dev.aegis.core.host;

import static org.assertj.core.api.Assertions.assertThat;

import dev.aegis.core.demo.DemoConnector;
import dev.aegis.core.demo.DemoEngineProvider;
import dev.aegis.core.demo.DemoWorld;
import dev.aegis.core.policy.CommandSandbox;
import dev.aegis.core.run.RunLedger;
import dev.aegis.core.support.RecordingLog;
import dev.aegis.core.tracker.Author;
import dev.aegis.core.tracker.IssueComment;
import dev.aegis.core.tracker.IssueKey;
import dev.aegis.core.tracker.Phase;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code aegis action} in process on the demo world: how events reach the run. */
class ActionDispatchTest {
  @TempDir Path tmp;
  private DemoWorld world;
  private CoreEntry entry;
  private final List<String> lines = new ArrayList<>();

  @BeforeEach
  void world() {
    world = DemoWorld.create(tmp.resolve("world"), dev.aegis.core.support.Sandboxes.PROGRAMS, Clock.systemUTC());
    entry = new CoreEntry(new DemoConnector(world), Clock.systemUTC(), new Random(3),
        new DemoEngineProvider(Clock.systemUTC(), dev.aegis.core.support.Sandboxes.DETECTED));
  }

  private HostResult run(HostCommand command, String event, String payload, Map<String, String> extra) throws IOException {
    Map<String, String> env = new HashMap<>(Map.of("PATH", System.getenv("PATH"), "HOME", tmp.toString(),
        "AEGIS_RECORDS_DIR", tmp.resolve("records").toString()));
    if (event != null) {
      Path file = Files.writeString(tmp.resolve(event + lines.size() + ".json"), payload);
      env.put("GITHUB_EVENT_NAME", event);
      env.put("GITHUB_EVENT_PATH", file.toString());
    }
    env.putAll(extra);
    return entry.execute(new HostRequest(command, null, null, false, null, Map.of(), env, world.workspace()),
        new RecordingLog(lines));
  }

  @Test
  void anIssuesEventForAnIssueThatNoLongerExistsIsNothingToDoNotAFailure() throws IOException {
    HostResult r = run(HostCommand.ACTION, "issues",
        "{\"action\":\"edited\",\"issue\":{\"number\":999},\"sender\":{\"login\":\"dana\",\"type\":\"User\"}}", Map.of());

    assertThat(r.outcome()).isEqualTo(HostResult.Outcome.OK);
    assertThat(r.message()).contains("github:#999 no longer exists");
  }

  @Test
  void aReplyOnANeedsInfoIssueIsCheckedAtOnceAndClaimsWhenItCompletesTheReport() throws IOException {
    IssueKey thin = IssueKey.github(102);
    run(HostCommand.ACTION, "issues",
        "{\"action\":\"labeled\",\"issue\":{\"number\":102},\"sender\":{\"login\":\"sam\",\"type\":\"User\"}}", Map.of());
    assertThat(world.tracker().issue(thin).orElseThrow().labels()).contains(Phase.NEEDS_INFO.label());

    IssueComment reply = world.tracker().addCommentBy(thin, Author.human("sam"),
        "On the /cart page the total returns 0 after I remove an item; it should show the remaining items' sum.");
    HostResult r = run(HostCommand.ACTION, "issue_comment", "{\"action\":\"created\",\"issue\":{\"number\":102,"
        + "\"labels\":[{\"name\":\"bug\"},{\"name\":\"aegis:needs-info\"}]},\"comment\":{\"id\":" + reply.id()
        + ",\"body\":\"" + reply.body() + "\",\"user\":{\"login\":\"sam\",\"type\":\"User\"}}}", Map.of());

    assertThat(r.outputs().get("decision")).contains("github:#102 claimed");
    assertThat(world.tracker().issue(thin).orElseThrow().labels()).doesNotContain(Phase.NEEDS_INFO.label());
  }

  @Test
  void aScheduledScanResumesAClaimNobodyPlannedOnceItsGracePeriodIsOver() throws IOException {
    IssueKey ready = IssueKey.github(101);
    entry.execute(new HostRequest(HostCommand.PICKUP, "101", null, false, null, Map.of(),
        Map.of("PATH", System.getenv("PATH"), "HOME", tmp.toString()), world.workspace()), new RecordingLog(lines));
    assertThat(world.tracker().issue(ready).orElseThrow().labels()).contains(Phase.IN_PROGRESS.label());

    HostResult scan = run(HostCommand.ACTION, "schedule", "{\"schedule\":\"*/10 * * * *\"}",
        Map.of("AEGIS_CLAIM_GRACE_SECONDS", "0"));

    assertThat(scan.outputs().get("decision")).contains("github:#101 awaiting approval");
    assertThat(new RunLedger(world.tracker()).runs(ready)).hasSize(1);
    assertThat(world.tracker().issue(ready).orElseThrow().labels()).contains(Phase.AWAITING_APPROVAL.label());
  }
}
