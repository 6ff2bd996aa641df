package dev.aegis.core.ops;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.aegis.core.config.ConfigKeys;
import dev.aegis.core.config.ConfigLoader;
import dev.aegis.core.host.Connectors;
import dev.aegis.core.host.CoreEntry;
import dev.aegis.core.host.HostCommand;
import dev.aegis.core.host.HostRequest;
import dev.aegis.core.host.HostResult;
import dev.aegis.core.support.RecordingLog;
import dev.aegis.testkit.events.Events;
import dev.aegis.testkit.github.FakeGitHub;
import dev.aegis.testkit.github.FakeRepository;
import dev.aegis.testkit.github.Role;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code aegis pause} as the Action sees it: the workflow passes the repository variable as the
 * {@code max-concurrent-runs} input ({@code AEGIS_MAX_CONCURRENT_RUNS}); with it at 0, the Action and
 * {@code pickup} return at once through {@link CoreEntry}, before any request.
 */
class PausedHostsTest {
  @TempDir Path workspace;
  @TempDir Path temp;
  private FakeGitHub fake;
  private FakeRepository repo;
  private String botToken;
  private int issue;
  private Path event;

  @BeforeEach
  void readyIssueAndEvent() {
    fake = FakeGitHub.start();
    ObjectNode payload = Events.json("issues.labeled.1");
    ((com.fasterxml.jackson.databind.node.ArrayNode) payload.path("issue").path("labels")).addObject()
        .put("name", "ready to implement");
    payload.with("issue").put("body", "When I open /checkout the server returns a 500 error. It should show the "
        + "cart. java.lang.NullPointerException at Checkout.java:42");
    repo = fake.seedFromEvent(payload);
    issue = payload.path("issue").path("number").asInt();
    botToken = fake.newToken(FakeGitHub.ACTIONS_BOT);
    repo.setPermission(FakeGitHub.ACTIONS_BOT, Role.WRITE);
    event = Events.write(payload, temp.resolve("event.json"));
  }

  @AfterEach
  void stop() {
    fake.close();
  }

  /** The Action's environment, with the repository variable passed through as the workflow template does. */
  private Map<String, String> actionEnvironment() {
    Map<String, String> env = new HashMap<>();
    env.put("GITHUB_TOKEN", botToken);
    env.put("GITHUB_API_URL", fake.apiUrl());
    env.put("GITHUB_REPOSITORY", repo.fullName());
    env.put("GITHUB_EVENT_NAME", "issues");
    env.put("GITHUB_EVENT_PATH", event.toString());
    env.put("AEGIS_MAX_CONCURRENT_RUNS", repo.variable("AEGIS_MAX_CONCURRENT_RUNS").orElse(""));
    return env;
  }

  private HostResult execute(HostCommand command, boolean dryRun, List<String> printed) {
    return new CoreEntry().execute(
        new HostRequest(command, null, null, dryRun, null, Map.of(), actionEnvironment(), workspace),
        new RecordingLog(printed));
  }

  private void pauseAsAMaintainer() {
    String admin = fake.newToken("maintainer");
    repo.setPermission("maintainer", Role.ADMIN);
    Map<String, String> env = Map.of("GITHUB_TOKEN", admin);
    Map<String, String> overrides = Map.of(ConfigKeys.GITHUB_REPOSITORY, repo.fullName(),
        ConfigKeys.GITHUB_API_URL, fake.apiUrl());
    OpsReport paused = new Maintainer(new OpsContext(workspace,
        new ConfigLoader().load(workspace, env, overrides, "test"), env, Connectors.github(), Clock.systemUTC()))
        .pause();
    assertThat(paused.outcome()).isEqualTo(OpsOutcome.OK);
    fake.clearRequests();
  }

  @Test
  void anUnpausedActionDoesReachGitHubForTheSameEvent() {
    HostResult result = execute(HostCommand.ACTION, true, new ArrayList<>());

    assertThat(result.outcome()).isEqualTo(HostResult.Outcome.OK);
    assertThat(fake.requests()).isNotEmpty();
  }

  @Test
  void afterPauseTheActionReturnsAtOnceWithoutARequest() {
    pauseAsAMaintainer();
    List<String> printed = new ArrayList<>();

    HostResult result = execute(HostCommand.ACTION, false, printed);

    assertThat(result.outcome()).isEqualTo(HostResult.Outcome.PAUSED);
    assertThat(printed).anyMatch(l -> l.contains("Aegis is paused"));
    assertThat(fake.requests()).isEmpty();
    assertThat(repo.issue(issue).orElseThrow().labels()).doesNotContain("aegis:in-progress");
    assertThat(repo.comments(issue)).isEmpty();
  }

  @Test
  void afterPausePickupReturnsAtOnceWithoutARequest() {
    pauseAsAMaintainer();

    HostResult result = execute(HostCommand.PICKUP, false, new ArrayList<>());

    assertThat(result.outcome()).isEqualTo(HostResult.Outcome.PAUSED);
    assertThat(fake.requests()).isEmpty();
  }

  @Test
  void afterResumeTheActionWorksAgain() {
    pauseAsAMaintainer();
    Map<String, String> env = Map.of("GITHUB_TOKEN", fake.newToken("maintainer"));
    new Maintainer(new OpsContext(workspace, new ConfigLoader().load(workspace, env, Map.of(
        ConfigKeys.GITHUB_REPOSITORY, repo.fullName(), ConfigKeys.GITHUB_API_URL, fake.apiUrl()), "test"), env,
        Connectors.github(), Clock.systemUTC())).resume(1);
    fake.clearRequests();

    HostResult result = execute(HostCommand.ACTION, true, new ArrayList<>());

    assertThat(result.outcome()).isEqualTo(HostResult.Outcome.OK);
    assertThat(fake.requests()).isNotEmpty();
  }
}
