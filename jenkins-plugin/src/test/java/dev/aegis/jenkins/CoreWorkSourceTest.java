package dev.aegis.jenkins;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.aegis.core.host.HostCommand;
import dev.aegis.core.host.HostRequest;
import dev.aegis.core.host.HostResult;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class CoreWorkSourceTest {
  private static final AegisSettings SETTINGS =
      new AegisSettings("octo/shop", "https://ghe.example.com/api/v3", null, "gh", "llm", "openai/gpt-4.1",
          "ready", "bug", "auto", 10, 2, "aegis/worker", null);
  private static final ControllerContext CONTEXT =
      ControllerContext.of(SETTINGS, id -> Optional.of(id.equals("gh") ? "ghp_scan" : "sk-scan"));

  private final List<HostRequest> requests = new ArrayList<>();
  private final RecordingLog log = new RecordingLog();

  @Test
  void recoversThenPicksUpAndReturnsTheReportedWork() {
    CoreWorkSource source =
        new CoreWorkSource((request, log) -> {
          requests.add(request);
          return request.command() == HostCommand.PICKUP
              ? new HostResult(HostResult.Outcome.OK, "", Map.of("work", "claim:42\tplan\t42\tr-1"))
              : HostResult.of(HostResult.Outcome.OK, "");
        }, CONTEXT, Path.of("/tmp/aegis-scan"));

    List<WorkItem> work = source.findWork(new ScanRequest(SETTINGS, Instant.EPOCH), log);

    assertThat(work).containsExactly(new WorkItem("claim:42", HostCommand.PLAN, "42", "r-1"));
    assertThat(requests).extracting(HostRequest::command).containsExactly(HostCommand.RECOVER, HostCommand.PICKUP);
    assertThat(requests.get(1).dryRun()).isFalse();
  }

  @Test
  void coreCallsGetTheGlobalConfigurationAndOnlyTheConfiguredSecrets() {
    new CoreWorkSource((request, log) -> {
      requests.add(request);
      return HostResult.of(HostResult.Outcome.OK, "");
    }, CONTEXT, Path.of("/tmp/aegis-scan")).findWork(new ScanRequest(SETTINGS, Instant.EPOCH), log);

    HostRequest pickup = requests.get(1);
    assertThat(pickup.overrides())
        .containsEntry("github.repository", "octo/shop")
        .containsEntry("github.api-url", "https://ghe.example.com/api/v3")
        .containsEntry("model", "openai/gpt-4.1")
        .containsEntry("labels.ready", "ready")
        .containsEntry("mode", "auto")
        .containsEntry("max-concurrent-runs", "2");
    assertThat(pickup.environment())
        .containsOnlyKeys("GITHUB_TOKEN", "OPENAI_API_KEY", "AEGIS_MODEL_API_KEY")
        .containsEntry("GITHUB_TOKEN", "ghp_scan");
    assertThat(CONTEXT.secrets()).containsExactly("ghp_scan", "sk-scan");
  }

  @Test
  void failedPickupIsLoggedAndYieldsNoWork() {
    CoreWorkSource source =
        new CoreWorkSource(
            (request, log) -> HostResult.of(HostResult.Outcome.INPUT_ERROR, "'" + request.command().cliName() + "' is not available"),
            CONTEXT,
            Path.of("/tmp/aegis-scan"));

    assertThat(source.findWork(new ScanRequest(SETTINGS, Instant.EPOCH), log)).isEmpty();
    assertThat(log.warnings)
        .containsExactly(
            "Stale-run recovery: INPUT_ERROR: 'recover' is not available", "Pickup: INPUT_ERROR: 'pickup' is not available");
  }

  @Test
  void missingGlobalCredentialsFailTheScanWithTheId() {
    assertThatThrownBy(() -> ControllerContext.of(SETTINGS, id -> Optional.empty()))
        .hasMessage("no global 'Secret text' credentials with id 'gh' (GitHub token)");
  }
}
