package dev.aegis.core.ops;

import dev.aegis.core.config.AegisConfig;
import dev.aegis.core.config.ConfigKeys;
import dev.aegis.core.flow.ModelEngineProvider;
import dev.aegis.core.host.HostConnection;
import dev.aegis.core.host.Preflight;
import dev.aegis.core.repo.RepositoryVariables;
import dev.aegis.core.tracker.Author;
import dev.aegis.core.tracker.Phase;
import dev.aegis.core.tracker.Tracker;
import dev.aegis.core.tracker.TrackerException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * {@code aegis status}: the resolved configuration with each value's source (secrets hidden), whether the
 * token reaches the repository and as whom, which labels exist, how many ready issues and runs there are, and
 * whether Aegis is paused (in the configuration and, when the token may read it, in the repository variable the
 * Action reads). Only what stops Aegis from working makes the outcome an error: no token, a refused token, a
 * repository the token cannot read. Missing labels and a pause are reported, not failed.
 */
final class StatusCheck {
  private final OpsContext ctx;
  private final AegisConfig config;
  private final List<String> lines = new ArrayList<>();
  private OpsOutcome outcome = OpsOutcome.OK;
  private String problem = "";
  private boolean paused;

  StatusCheck(OpsContext ctx) {
    this.ctx = ctx;
    this.config = ctx.config();
  }

  OpsReport run() {
    lines.add("Aegis status for " + config.text(ConfigKeys.GITHUB_REPOSITORY).orElse("(repository unknown)"));
    configuration();
    lines.addAll(ProductionStatus.jdbc().lines(config, ctx.environment()));
    if (config.text(ConfigKeys.GITHUB_REPOSITORY).isEmpty()) {
      fail(OpsOutcome.CONFIG_ERROR, "The repository is unknown: pass --repo OWNER/NAME, set github.repository in "
          + ".aegis/config.yml or GITHUB_REPOSITORY, or run inside a checkout whose origin is on GitHub.");
      pause(Optional.empty());
      return finish();
    }
    section("Token");
    try (HostConnection connection = ctx.connector().connect(config, ctx.environment())) {
      if (reach(connection)) {
        identity(connection.tracker());
        checks(connection);
        labels(connection.tracker());
        work(connection.tracker());
        lines.addAll(ProductionStatus.secretLines(config, connection.variables()));
      }
      pause(outcome == OpsOutcome.OK ? connection.variables() : Optional.empty());
    } catch (RuntimeException e) {
      if (!Remote.expected(e)) {
        throw e;
      }
      lines.add("  no connection: " + e.getMessage());
      fail(Remote.outcomeOf(e), Remote.advice(e, ctx));
      pause(Optional.empty());
    }
    return finish();
  }

  private void configuration() {
    section("Configuration (" + config.file().map(f -> ctx.workspace().relativize(f).toString())
        .orElse("no .aegis/config.yml: defaults") + ")");
    for (Map.Entry<String, String> e : config.describe().entrySet()) {
      lines.add("  " + e.getKey() + " = " + e.getValue() + "  (" + source(e.getKey()) + ")");
    }
    if (config.trackers().contains("linear")) {
      lines.add("  note: Linear is configured too; this status checks the GitHub side only.");
    }
  }

  /** Where a key's value came from, the config file named relative to the workspace. */
  private String source(String key) {
    String source = config.sourceOf(key);
    return config.file().filter(f -> f.toString().equals(source))
        .map(f -> ctx.workspace().relativize(f).toString()).orElse(source);
  }

  /** Reads the repository itself: the one check everything else depends on. */
  private boolean reach(HostConnection connection) {
    String repository = config.text(ConfigKeys.GITHUB_REPOSITORY).orElseThrow();
    try {
      String branch = connection.code().defaultBranch();
      lines.add("  ok: the token reads " + repository + " (default branch " + branch + ")");
      return true;
    } catch (TrackerException e) {
      lines.add(switch (e.status()) {
        case 0 -> "  unreachable: no answer from GitHub reading " + repository;
        case 404 -> "  not found: GitHub answered 404 reading " + repository + " (not found, or the token cannot see it)";
        default -> "  refused: GitHub answered " + e.status() + " reading " + repository;
      });
      fail(Remote.outcomeOf(e), Remote.advice(e, ctx));
      return false;
    }
  }

  private void identity(Tracker tracker) {
    String login = tracker.self().login();
    Optional<Author> owner = attempt(tracker::credentialsOwner, "who the token acts as");
    if (owner == null) {
      return;
    }
    if (owner.isEmpty()) {
      lines.add("  acts as: an app installation (the Actions GITHUB_TOKEN or a GitHub App); Aegis writes as "
          + login + " (" + ConfigKeys.GITHUB_LOGIN + ")");
      return;
    }
    lines.add("  acts as: " + owner.get().login());
    if (!owner.get().login().equalsIgnoreCase(login)) {
      lines.add("  note: Aegis trusts status comments by " + login + " (" + ConfigKeys.GITHUB_LOGIN + "), so `runs` "
          + "and `recover` read the Action's; a `pickup` with this token would comment as " + owner.get().login()
          + ".");
    }
  }

  /** The checks a job makes before it claims anything, so "Aegis can work" means a run would. */
  private void checks(HostConnection connection) {
    section("Run checks (what a job checks before it claims an issue)");
    List<Preflight.Check> checks = new Preflight(config, ctx.environment(), ModelEngineProvider::checkModel)
        .run(true, Optional.of(connection.code()));
    for (Preflight.Check c : checks) {
      lines.add("  " + c.verdict().name().toLowerCase(Locale.ROOT) + ": " + c.name() + " (" + c.detail() + ")");
    }
    checks.stream().filter(Preflight.Check::failed).findFirst().filter(c -> outcome == OpsOutcome.OK)
        .ifPresent(c -> fail(OpsOutcome.CONFIG_ERROR, c.name() + ": " + c.detail()));
  }

  private void labels(Tracker tracker) {
    section("Labels");
    Optional<List<String>> names = attempt(tracker::labelNames, "the repository's labels");
    if (names == null) {
      return;
    }
    if (names.isEmpty()) {
      lines.add("  this tracker cannot list its labels");
      return;
    }
    List<String> present = names.get().stream().map(n -> n.toLowerCase(Locale.ROOT)).toList();
    List<String> missingOwn = new ArrayList<>();
    for (String label : List.of(config.bugLabel(), config.readyLabel())) {
      boolean there = present.contains(label.toLowerCase(Locale.ROOT));
      lines.add("  " + (there ? "ok: " : "missing: ") + label);
      if (!there) {
        missingOwn.add(Texts.quoted(label));
      }
    }
    List<String> missingPhase = new ArrayList<>();
    for (Phase phase : Phase.values()) {
      if (phase.label() != null) {
        boolean there = present.contains(phase.label());
        lines.add("  " + (there ? "ok: " : "missing: ") + phase.label());
        if (!there) {
          missingPhase.add(phase.label());
        }
      }
    }
    if (!missingOwn.isEmpty()) {
      lines.add("  create " + String.join(" and ", missingOwn) + ": an issue needs both labels before Aegis looks "
          + "at it (names come from labels.bug and labels.ready).");
    }
    if (!missingPhase.isEmpty()) {
      lines.add("  the missing aegis:* labels need nothing from you: Aegis creates them the first time it uses one.");
    }
  }

  private void work(Tracker tracker) {
    section("Issues");
    List<?> ready = attempt(tracker::readyIssues, "the ready issues");
    if (ready != null) {
      lines.add("  ready bugs: " + ready.size() + " (open, labelled " + Texts.quoted(config.bugLabel()) + " and "
          + Texts.quoted(config.readyLabel()) + ")");
    }
    List<?> running = attempt(() -> tracker.issuesIn(Phase.IN_PROGRESS), "the runs in progress");
    List<?> waiting = attempt(() -> tracker.issuesIn(Phase.AWAITING_APPROVAL), "the runs awaiting approval");
    if (running != null && waiting != null) {
      lines.add("  runs: " + running.size() + " in progress, " + waiting.size() + " awaiting approval"
          + (running.isEmpty() && waiting.isEmpty() ? "" : " (`aegis runs` lists them)"));
    }
  }

  /** The pause switch as the configuration says, and as the repository variable says when readable. */
  private void pause(Optional<RepositoryVariables> variables) {
    section("Pause");
    int configured = config.maxConcurrentRuns();
    paused = configured == 0;
    lines.add("  configuration: " + ConfigKeys.MAX_CONCURRENT_RUNS + " = " + configured + " ("
        + source(ConfigKeys.MAX_CONCURRENT_RUNS) + "): " + (configured == 0 ? "paused" : "running"));
    String variable = PauseSwitch.VARIABLE;
    if (variables.isEmpty()) {
      lines.add("  repository variable " + variable + ": not checked");
      return;
    }
    Optional<String> value;
    try {
      value = variables.get().get(variable);
    } catch (TrackerException e) {
      lines.add("  repository variable " + variable + ": cannot be read with this token (GitHub answered "
          + e.status() + "; reading variables needs \"Variables: read\", which the Actions GITHUB_TOKEN lacks)");
      return;
    }
    if (value.isEmpty() || value.get().isBlank()) {
      lines.add("  repository variable " + variable + ": not set, so the Action uses the configuration file");
    } else {
      boolean actionPaused = value.get().trim().equals("0");
      paused |= actionPaused;
      lines.add("  repository variable " + variable + " = " + value.get().trim() + ": the Action is "
          + (actionPaused ? "paused" : "running"));
    }
  }

  /** Runs one read; on failure records it (the first failure decides the outcome) and returns null. */
  private <T> T attempt(Supplier<T> read, String what) {
    try {
      return read.get();
    } catch (TrackerException e) {
      lines.add("  could not read " + what + ": " + e.getMessage());
      if (outcome == OpsOutcome.OK) {
        fail(Remote.outcomeOf(e), "Could not read " + what + ": " + Remote.advice(e, ctx));
      }
      return null;
    }
  }

  private void section(String title) {
    lines.add("");
    lines.add(title);
  }

  private void fail(OpsOutcome o, String why) {
    outcome = o;
    problem = why;
  }

  private OpsReport finish() {
    lines.add("");
    if (outcome != OpsOutcome.OK) {
      lines.add("Aegis cannot work until this is fixed (see the message below).");
    } else if (paused) {
      lines.add("Aegis can reach " + ctx.repositoryOrHint() + " but is paused: `aegis resume` to resume.");
    } else {
      lines.add("Aegis can work on " + ctx.repositoryOrHint() + ".");
    }
    return new OpsReport(outcome, lines, problem);
  }
}
