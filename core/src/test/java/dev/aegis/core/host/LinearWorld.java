package dev.aegis.core.host;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.aegis.core.demo.DemoWorld;
import dev.aegis.core.flow.ModelEngineProvider;
import dev.aegis.core.policy.CommandSandbox;
import dev.aegis.core.support.BareRepos;
import dev.aegis.core.support.RecordingLog;
import dev.aegis.core.tracker.Phase;
import dev.aegis.testkit.github.FakeGitHub;
import dev.aegis.testkit.github.FakeRepository;
import dev.aegis.testkit.github.Role;
import dev.aegis.testkit.linear.FakeLinear;
import dev.aegis.testkit.linear.FakeTeam;
import dev.aegis.testkit.linear.FakeUser;
import dev.aegis.testkit.model.SampleProject;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * Linear and GitHub as Aegis meets them in production, all local: a {@link FakeLinear} workspace (team
 * Engineering (ENG), the default labels, Aegis's user, an approver and two other people), a {@link FakeGitHub}
 * serving the demo's shop project from a real bare git origin, and the CI job's checkout of it. Host calls go
 * through the standard {@link CoreEntry} with the standard connector; the model is the in-process scripted one.
 */
final class LinearWorld implements AutoCloseable {
  static final String REPO = "acme/shop";
  /** The demo's discount bug, as a Linear description. */
  static final String DISCOUNT_BUG = "When I apply the code SAVE10 on the /cart page, the total stays the same.\n\n"
      + "Expected: the total should drop by 10%.\n\nSteps:\n1. Add a 20.00 item\n2. Apply SAVE10\n"
      + "3. Total still shows 20.00 (should be 18.00)\n\nThe calculation lives in `src/cart.sh` (`total`).";

  final Path dir;
  final FakeLinear linear = FakeLinear.start();
  final FakeTeam eng = linear.team("ENG", "Engineering");
  final FakeUser aegis = linear.user("Aegis Bot", "aegis@example.com");
  final FakeUser maya = linear.user("Maya Maintainer", "maya@example.com");
  final FakeUser mallory = linear.user("Mallory Outsider", "mallory@example.com");
  final FakeUser rick = linear.user("Rick Reporter", "rick@example.com");
  final FakeGitHub github = FakeGitHub.start();
  final DemoWorld world;
  final FakeRepository repo;
  String githubToken = github.newToken(FakeGitHub.ACTIONS_BOT);
  final List<String> lines = new ArrayList<>();
  private final Map<String, String> overrides = new LinkedHashMap<>();
  private final Map<String, String> extraEnv = new HashMap<>();
  private int events;

  LinearWorld(Path dir) {
    this.dir = dir;
    linear.label("Bug");
    linear.label("ready to implement");
    for (Phase phase : Phase.values()) {
      if (phase != Phase.NONE) {
        linear.label(phase.label());
      }
    }
    world = DemoWorld.create(dir.resolve("world"), dev.aegis.core.support.Sandboxes.PROGRAMS, Clock.systemUTC());
    repo = github.adoptRepository(REPO, world.origin());
    repo.setPermission(FakeGitHub.ACTIONS_BOT, Role.WRITE);
    for (String label : List.of("bug", "ready to implement", "aegis")) {
      repo.addLabel(label, "ededed", "");
    }
    for (Phase phase : Phase.values()) {
      if (phase != Phase.NONE) {
        repo.addLabel(phase.label(), "ededed", "");
      }
    }
    overrides.put("trackers", "github,linear");
    overrides.put("github.repository", REPO);
    overrides.put("github.api-url", github.apiUrl());
    overrides.put("linear.team", "Engineering");
    overrides.put("linear.api-url", linear.endpoint().toString());
    overrides.put("linear.approvers", maya.email());
    overrides.put("linear.states.in-progress", "In Progress");
    overrides.put("linear.states.in-review", "In Review");
  }

  /** Sets a configuration key for every later call ({@code null} removes it). */
  LinearWorld set(String key, String value) {
    if (value == null) {
      overrides.remove(key);
    } else {
      overrides.put(key, value);
    }
    return this;
  }

  /** Sets an environment variable for every later call. */
  LinearWorld env(String name, String value) {
    extraEnv.put(name, value);
    return this;
  }

  /** A ready Linear bug with the demo's discount report, filed by Rick; returns its identifier. */
  String readyDiscountBug() {
    return linear.issue(eng, rick, "Cart total ignores the discount code")
        .description(DISCOUNT_BUG).labels("Bug", "ready to implement").create();
  }

  /** Calls the core as a host would. */
  HostResult call(HostCommand command, String issue, String runId, boolean dryRun, Map<String, String> more) {
    Map<String, String> env = new HashMap<>(SampleProject.environment(Map.of(
        "GITHUB_TOKEN", githubToken,
        "LINEAR_API_KEY", aegis.apiKey(),
        "AEGIS_CACHE_DIR", dir.resolve("cache").toString(),
        "AEGIS_RECORDS_DIR", dir.resolve("records").toString())));
    env.putAll(extraEnv);
    env.putAll(more);
    CoreEntry entry = new CoreEntry(Connectors.github(), Clock.systemUTC(), new Random(7),
        new ModelEngineProvider(Clock.systemUTC(), dev.aegis.core.support.Sandboxes.PROGRAMS, () -> dev.aegis.core.support.Sandboxes.DETECTED));
    return entry.execute(new HostRequest(command, issue, runId, dryRun, null, overrides, env, world.workspace()),
        new RecordingLog(lines));
  }

  /** What GitHub Actions runs on a schedule event, with the model playing {@code script}. */
  HostResult scheduled(String script) {
    set("model", "scripted/" + script);
    Path event = write("{\"schedule\": \"*/10 * * * *\"}", "schedule");
    return call(HostCommand.ACTION, null, null, false, Map.of("GITHUB_EVENT_NAME", "schedule",
        "GITHUB_EVENT_PATH", event.toString()));
  }

  /** What GitHub Actions runs on a GitHub event. */
  HostResult githubEvent(String name, String payload) {
    Path event = write(payload, name);
    return call(HostCommand.ACTION, null, null, false, Map.of("GITHUB_EVENT_NAME", name,
        "GITHUB_EVENT_PATH", event.toString()));
  }

  /** What the Jenkins endpoint hands the core after verifying a Linear webhook delivery. */
  HostResult linearEvent(Map<String, Object> payload) {
    try {
      Path event = write(new ObjectMapper().writeValueAsString(payload), "linear");
      return call(HostCommand.LINEAR_EVENT, null, null, false, Map.of(HostCommand.LINEAR_EVENT_PATH, event.toString()));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private Path write(String body, String name) {
    try {
      Path file = dir.resolve("events").resolve((++events) + "-" + name + ".json");
      Files.createDirectories(file.getParent());
      Files.writeString(file, body);
      return file;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  String log() {
    synchronized (lines) {
      return String.join("\n", lines);
    }
  }

  @Override
  public void close() {
    github.close();
    linear.close();
  }
}
