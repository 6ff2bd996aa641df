package dev.aegis.core.ops;

import dev.aegis.core.config.ConfigKeys;
import dev.aegis.core.config.ConfigLoader;
import dev.aegis.core.host.Connectors;
import dev.aegis.core.run.RunState;
import dev.aegis.core.run.StateBlock;
import dev.aegis.core.tracker.IssueKey;
import dev.aegis.core.tracker.Phase;
import dev.aegis.testkit.github.FakeGitHub;
import dev.aegis.testkit.github.FakeRepository;
import dev.aegis.testkit.github.Role;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A fake GitHub with {@code octo-org/app}, a maintainer's admin token, a workspace with a commented
 * {@code .aegis/config.yml}, and maintainer contexts that reach the fake through the real GitHub connector.
 */
final class OpsFixture implements AutoCloseable {
  static final Instant NOW = Instant.parse("2026-11-21T12:00:00Z");
  static final String REPO = "octo-org/app";
  static final String CONFIG = """
      # Aegis configuration for the shop.
      labels:
        ready: ready to implement   # an issue needs this label...
        bug: bug                    # ...and this one

      mode: plan-first
      max-concurrent-runs: 1        # 0 pauses Aegis (see `aegis pause` / `aegis resume`)
      model: openai/gpt-5.5         # provider/model
      """;

  final Clock clock = Clock.fixed(NOW, ZoneOffset.UTC);
  final FakeGitHub fake = FakeGitHub.start(clock);
  final FakeRepository repo = fake.createRepository(REPO);
  final String adminToken = fake.newToken("maintainer");
  final Path workspace;

  OpsFixture(Path workspace) {
    this.workspace = workspace;
    repo.setPermission("maintainer", Role.ADMIN);
    repo.setPermission(FakeGitHub.ACTIONS_BOT, Role.WRITE);
    try {
      Files.createDirectories(workspace.resolve(".aegis"));
      Files.writeString(workspace.resolve(".aegis/config.yml"), CONFIG);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** A maintainer context with {@code token} as GITHUB_TOKEN (none when null) and more environment. */
  OpsContext context(String token, Map<String, String> more) {
    Map<String, String> env = new HashMap<>(more);
    env.putIfAbsent("OPENAI_API_KEY", "sk-ops-fixture-model-key"); // the default model's key; "" to test without
    if (token != null) {
      env.put("GITHUB_TOKEN", token);
    }
    Map<String, String> overrides = Map.of(ConfigKeys.GITHUB_REPOSITORY, REPO, ConfigKeys.GITHUB_API_URL, fake.apiUrl());
    return new OpsContext(workspace, new ConfigLoader().load(workspace, env, overrides, "test"), env,
        Connectors.github(), clock);
  }

  Maintainer maintainer(String token) {
    return new Maintainer(context(token, Map.of()));
  }

  /** A ready bug labelled with {@code phase}, with a status comment by the Actions bot carrying its state. */
  int run(String title, Phase phase, String runId, Instant updated, Map<String, String> facts) {
    int n = repo.addIssue(title, "It breaks.", "reporter", "bug", "ready to implement", phase.label());
    RunState state = new RunState(runId, IssueKey.github(n), phase, "aegis/" + n + "-fix", "main", "sha", updated,
        List.of(), facts);
    repo.addComment(n, FakeGitHub.ACTIONS_BOT, "### Aegis\n\nWorking on it.\n\n" + new StateBlock().write(state));
    return n;
  }

  String config() {
    try {
      return Files.readString(workspace.resolve(".aegis/config.yml"));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Fails when a request broke GitHub's published contract; closes the fake either way. */
  @Override
  public void close() {
    try {
      fake.assertNoContractViolations();
    } finally {
      fake.close();
    }
  }
}
