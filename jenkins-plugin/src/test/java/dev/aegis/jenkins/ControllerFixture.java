package dev.aegis.jenkins;

import dev.aegis.core.host.CoreEntry;
import dev.aegis.core.host.HostCommand;
import dev.aegis.core.host.WorkItem;
import dev.aegis.testkit.github.FakeGitHub;
import dev.aegis.testkit.github.FakeIssue;
import dev.aegis.testkit.github.FakeRepository;
import dev.aegis.testkit.github.Role;
import dev.aegis.testkit.model.SampleProject;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The controller side of the plugin (scan cycle, webhook events, worker launches) wired to the real
 * {@link CoreEntry} against a stateful {@link FakeGitHub}, with an in-process scripted model for the worker's
 * plan runs. Jenkins itself is replaced by a launcher that records the worker builds it would queue.
 */
final class ControllerFixture implements AutoCloseable {
  static final String REPO = "octo/shop";
  static final String BOT = "aegis-bot";
  static final String MAINTAINER = "maya";
  static final String STRANGER = "mallory";
  static final String WEBHOOK_SECRET = "whsec-4f1c9a";
  static final String READY_BODY =
      "When I call add 2 3 in src/calc.sh the result is -1.\n\nExpected: 5.\n\nSteps:\n1. . ./src/calc.sh\n"
          + "2. add 2 3\n3. prints -1 (should be 5)\n\nThe function lives in `src/calc.sh` (`add`).";
  private static final String PLAN_SCRIPT =
      """
      {"steps": [
        {"text": "The sum is computed with a minus.",
         "toolCalls": [{"name": "finish", "arguments": {
           "summary": "add subtracts its arguments.",
           "root_cause": "add() computes $1 - $2 instead of $1 + $2.",
           "evidence": [{"file": "src/calc.sh", "line": 4, "note": "the minus sign"}],
           "fix_plan": "Use + in add().",
           "test_plan": "sh test.sh checks add 2 3 prints 5.",
           "risk": "low"}}]}
      ]}
      """;

  final FakeGitHub fake = FakeGitHub.start();
  final FakeRepository repo = fake.createRepository(REPO);
  final String token = fake.newToken(BOT);
  final Path dir;
  final Path scratch;
  final WorkStarter starter = new WorkStarter(Duration.ofHours(24));
  final ScanCycle cycle = new ScanCycle(starter);
  final List<WorkItem> launched = new ArrayList<>();
  final RecordingLog log = new RecordingLog();
  private final Map<String, String> extraOverrides = new HashMap<>();
  private final Map<String, String> credentials = new HashMap<>();
  private AegisSettings settings;
  private Instant clock = Instant.parse("2026-01-01T10:00:00Z");
  private int sourcesBuilt;

  ControllerFixture(Path dir) throws IOException {
    this.dir = dir;
    this.scratch = Files.createDirectories(dir.resolve("controller"));
    credentials.put("gh", token);
    credentials.put("hook", WEBHOOK_SECRET);
    repo.setPermission(BOT, Role.WRITE);
    repo.setPermission(MAINTAINER, Role.WRITE);
    repo.setPermission(STRANGER, Role.READ);
    Path script = Files.writeString(dir.resolve("plan-script.json"), PLAN_SCRIPT);
    settings =
        Settings.configured()
            .repository(REPO)
            .apiUrl(fake.apiUrl())
            .githubLogin(BOT)
            .model("scripted/" + script.toAbsolutePath())
            .webhookSecretCredentialsId("hook")
            .build();
  }

  AegisSettings settings() {
    return settings;
  }

  void settings(AegisSettings value) {
    settings = value;
  }

  /** Extra core overrides for controller calls (tests shorten the core's timings this way). */
  void controllerOverride(String key, String value) {
    extraOverrides.put(key, value);
  }

  /** Adds "Secret text" credentials the plugin may look up ({@code gh} and {@code hook} exist from the start). */
  void credentials(String id, String secret) {
    credentials.put(id, secret);
  }

  /** The secret of credentials {@code id}. */
  String credentialsValue(String id) {
    return credentials.get(id);
  }

  SecretLookup secrets() {
    return id -> Optional.ofNullable(credentials.get(id));
  }

  ControllerContext context() {
    ControllerContext configured = ControllerContext.of(settings, secrets());
    Map<String, String> overrides = new HashMap<>(configured.overrides());
    overrides.putAll(extraOverrides);
    return new ControllerContext(overrides, configured.environment(), configured.secrets(), configured.configYaml());
  }

  /** A ready bug with enough context, as a maintainer files it. */
  int readyBug() {
    return repo.addIssue("add returns the difference", READY_BODY, MAINTAINER, "bug", "ready to implement");
  }

  /** One due scan tick (each call is a period later than the previous one). */
  ScanReport scan() {
    clock = clock.plus(Duration.ofMinutes(settings.scanPeriodMinutes()));
    return cycle.tick(
        settings,
        clock,
        () -> {
          sourcesBuilt++;
          return new CoreWorkSource(new CoreEntry(), context(), scratch);
        },
        this::launch,
        log);
  }

  int sourcesBuilt() {
    return sourcesBuilt;
  }

  /** What the webhook does with a verified event, with a direct executor instead of the event thread. */
  CoreEventDispatcher eventDispatcher() {
    return new CoreEventDispatcher(
        () -> settings,
        Runnable::run,
        (current, event) ->
            starter.findAndStart(
                () -> new CoreEventSource(new CoreEntry(), context(), scratch).find(event, log),
                "GitHub event " + event.describe(),
                current.workerJob(),
                this::launch,
                clock,
                log));
  }

  /** What the Linear endpoint does with a verified delivery, with a direct executor instead of the event thread. */
  LinearEventDispatcher linearDispatcher() {
    return new LinearEventDispatcher(
        () -> settings,
        Runnable::run,
        (current, delivery) ->
            starter.findAndStart(
                () -> new CoreEventSource(new CoreEntry(), context(), scratch).find(delivery, log),
                "Linear event " + delivery.describe(),
                current.workerJob(),
                this::launch,
                clock,
                log));
  }

  /** The worker build for {@code item}: the step's core call, as {@code aegis command: ...} makes it. */
  Worker work(WorkItem item) throws IOException, InterruptedException {
    return work(item, Map.of());
  }

  /** {@link #work(WorkItem)} with more variables in the build environment. */
  Worker work(WorkItem item, Map<String, String> buildEnvironment) throws IOException, InterruptedException {
    AegisStep step = new AegisStep(item.command().cliName());
    step.setIssue(item.issue());
    step.setRunId(item.runId());
    return step(step, buildEnvironment);
  }

  /** Runs the step's core call in a fresh checkout of the sample project, with the global configuration. */
  Worker step(AegisStep step, Map<String, String> buildEnvironment) throws IOException, InterruptedException {
    Path workspace = dir.resolve("ws-" + System.nanoTime());
    SampleProject.create(workspace);
    return step(step, buildEnvironment, workspace);
  }

  /**
   * Runs the step's core call as the agent runs it ({@link RunCoreOnWorkspace}) in {@code workspace}, which a
   * {@code node {}} without a checkout leaves missing.
   */
  Worker step(AegisStep step, Map<String, String> buildEnvironment, Path workspace) {
    // as AegisStepExecution.run: a pause set in Jenkins answers before anything else
    Optional<CoreOutcome> paused = CoreOutcome.pausedInJenkins(settings, StepParameters.of(step).command());
    if (paused.isPresent()) {
      return new Worker(paused.get(), paused.get().message() + "\n", dir.resolve("no-records"));
    }
    Path records = dir.resolve("records-" + System.nanoTime());
    Map<String, String> environment = new HashMap<>(SampleProject.environment(Map.of()));
    environment.put("AEGIS_CACHE_DIR", dir.resolve("worker-cache").toString());
    environment.putAll(buildEnvironment);
    CoreCall call =
        new CoreCallPlanner(secrets()).plan(StepParameters.of(step), settings, environment, records.toString());
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    CoreOutcome outcome;
    try (PrintStream print = new PrintStream(out, true, StandardCharsets.UTF_8)) {
      outcome = new RunCoreOnWorkspace(call, () -> print).invoke(workspace.toFile(), null);
    }
    return new Worker(outcome, out.toString(StandardCharsets.UTF_8), records);
  }

  FakeIssue issue(int number) {
    return repo.issue(number).orElseThrow();
  }

  private WorkerLauncher.Launch launch(String job, WorkItem item) {
    launched.add(item);
    return WorkerLauncher.Launch.SCHEDULED;
  }

  static List<WorkItem> of(HostCommand command, List<WorkItem> items) {
    return items.stream().filter(item -> item.command() == command).toList();
  }

  @Override
  public void close() {
    fake.close();
  }

  /** What one worker build printed and returned, and where its records went. */
  record Worker(CoreOutcome outcome, String printed, Path records) {
    List<Path> recordFiles() {
      if (!Files.isDirectory(records)) {
        return List.of();
      }
      try (var files = Files.walk(records)) {
        return files.filter(Files::isRegularFile).toList();
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
  }
}
