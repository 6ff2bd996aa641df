package dev.aegis.jenkins;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.aegis.core.host.HostCommand;
import dev.aegis.core.host.HostEntry;
import dev.aegis.core.host.HostRequest;
import dev.aegis.core.host.HostResult;
import dev.aegis.core.host.WorkItem;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CoreWorkSourceTest {
  private static final AegisSettings SETTINGS =
      Settings.configured()
          .apiUrl("https://ghe.example.com/api/v3")
          .modelCredentialsId("llm")
          .model("openai/gpt-4.1")
          .labels("ready", "bug")
          .mode("auto")
          .maxConcurrentRuns(2)
          .build();
  private static final ControllerContext CONTEXT =
      ControllerContext.of(SETTINGS, id -> Optional.of(id.equals("gh") ? "ghp_scan" : "sk-scan"));
  @TempDir Path scratch;

  private final List<HostRequest> requests = new ArrayList<>();
  private final RecordingLog log = new RecordingLog();

  @Test
  void oneScanCallReturnsTheWorkTheCoreReported() {
    CoreWorkSource source = source(HostResult.Outcome.OK, "plan:#42:42-abc:1\tplan\t42\t42-abc\nimplement:#7:7-def:2\timplement\t7\t7-def");

    List<WorkItem> work = source.findWork(SETTINGS, log);

    assertThat(work)
        .containsExactly(
            new WorkItem("plan:#42:42-abc:1", HostCommand.PLAN, "42", "42-abc"),
            new WorkItem("implement:#7:7-def:2", HostCommand.IMPLEMENT, "7", "7-def"));
    assertThat(requests).extracting(HostRequest::command).containsExactly(HostCommand.SCAN);
    assertThat(requests.get(0).dryRun()).isFalse();
    assertThat(requests.get(0).workspace()).isEqualTo(scratch);
  }

  @Test
  void theScanGetsTheGlobalConfigurationAndOnlyTheConfiguredSecrets() {
    source(HostResult.Outcome.OK, "").findWork(SETTINGS, log);

    HostRequest scan = requests.get(0);
    assertThat(scan.overrides())
        .containsEntry("github.repository", "octo/shop")
        .containsEntry("github.api-url", "https://ghe.example.com/api/v3")
        .containsEntry("github.login", "aegis-bot")
        .containsEntry("model", "openai/gpt-4.1")
        .containsEntry("labels.ready", "ready")
        .containsEntry("mode", "auto")
        .containsEntry("max-concurrent-runs", "2");
    assertThat(scan.environment())
        .containsOnlyKeys("GITHUB_TOKEN", "AEGIS_MODEL_API_KEY", "AEGIS_CACHE_DIR")
        .containsEntry("GITHUB_TOKEN", "ghp_scan")
        .containsEntry("AEGIS_CACHE_DIR", scratch.resolve("http-cache").toString());
    assertThat(CONTEXT.secrets()).containsExactly("ghp_scan", "sk-scan");
  }

  @Test
  void aMalformedWorkLineIsReportedAndTheOthersStillCount() {
    List<WorkItem> work = source(HostResult.Outcome.OK, "garbage\nplan:#42:r:1\tplan\t42\tr").findWork(SETTINGS, log);

    assertThat(work).extracting(WorkItem::issue).containsExactly("42");
    assertThat(log.warnings).singleElement().asString().contains("malformed work line: garbage");
  }

  @Test
  void aScanThatEndedBlockedIsReportedButItsWorkStillStarts() {
    List<WorkItem> work = source(HostResult.Outcome.BLOCKED, "plan:#42:r:1\tplan\t42\tr").findWork(SETTINGS, log);

    assertThat(work).hasSize(1);
    assertThat(log.warnings).containsExactly("Aegis scan: BLOCKED: the core said so");
  }

  @Test
  void aFailedScanYieldsNoWork() {
    assertThat(source(HostResult.Outcome.AUTH_ERROR, null).findWork(SETTINGS, log)).isEmpty();
    assertThat(log.warnings).containsExactly("Aegis scan: AUTH_ERROR: the core said so");
  }

  @Test
  void theYamlIsTheScratchDirectorysConfigFileWhenTheCoreRunsAndAClearedFieldRemovesIt() throws Exception {
    Path file = scratch.resolve(".aegis/config.yml");
    List<String> seen = new ArrayList<>();
    HostEntry entry =
        (request, log) -> {
          seen.add(Files.exists(file) ? readString(file) : "(none)");
          return new HostResult(HostResult.Outcome.OK, "", Map.of());
        };
    AegisSettings withYaml = Settings.configured().configYaml("stale-after-minutes: 45\n").build();
    ControllerContext yaml = ControllerContext.of(withYaml, id -> Optional.of("ghp_scan"));
    ControllerContext none = ControllerContext.of(Settings.configured().build(), id -> Optional.of("ghp_scan"));

    new CoreWorkSource(entry, yaml, scratch).findWork(withYaml, log);
    new CoreWorkSource(entry, none, scratch).findWork(withYaml, log);

    assertThat(seen).containsExactly("stale-after-minutes: 45\n", "(none)");
  }

  @Test
  void missingGlobalCredentialsFailTheScanWithTheId() {
    assertThatThrownBy(() -> ControllerContext.of(SETTINGS, id -> Optional.empty()))
        .hasMessage("no global 'Secret text' credentials with id 'gh' (GitHub token)");
  }

  private static String readString(Path file) {
    try {
      return Files.readString(file);
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  private CoreWorkSource source(HostResult.Outcome outcome, String work) {
    return new CoreWorkSource(
        (request, log) -> {
          requests.add(request);
          return new HostResult(outcome, "the core said so", work == null ? Map.of() : Map.of("work", work));
        },
        CONTEXT,
        scratch);
  }
}
