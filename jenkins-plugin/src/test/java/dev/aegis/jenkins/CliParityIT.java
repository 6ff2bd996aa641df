package dev.aegis.jenkins;

import static org.assertj.core.api.Assertions.assertThat;

import dev.aegis.core.host.CoreEntry;
import dev.aegis.testkit.github.FakeGitHub;
import dev.aegis.testkit.github.FakeRepository;
import dev.aegis.testkit.github.Role;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code aegis command: 'pickup', dryRun: true} (repository, API URL and token given, no global
 * configuration) prints the same lines as {@code java -jar aegis.jar pickup --dry-run} against the same
 * tracker: the step's core call, as the plugin makes it on the agent, next to the built CLI jar in its own
 * process. Runs after packaging, when {@code action-runner/target/aegis.jar} exists.
 */
class CliParityIT {
  private static final String REPO = "octo/shop";

  @TempDir Path dir;
  private FakeGitHub fake;
  private String token;

  @BeforeEach
  void tracker() {
    fake = FakeGitHub.start();
    FakeRepository repo = fake.createRepository(REPO);
    token = fake.newToken("aegis-bot");
    repo.setPermission("aegis-bot", Role.WRITE);
    repo.addIssue("add returns the difference", ControllerFixture.READY_BODY, "maya", "bug", "ready to implement");
    repo.addIssue("App is broken", "pls fix asap", "sam", "bug", "ready to implement");
    repo.addIssue("Export crashes", "Exporting an empty order from /admin crashes; it should export nothing.", "lee",
        "bug", "ready to implement", "aegis:pr-opened");
    repo.addIssue("Sort ignored", "On /search?sort=price results come in relevance order; expected cheapest first.",
        "kim", "bug", "ready to implement");
  }

  @AfterEach
  void stop() {
    fake.close();
  }

  @Test
  void pickupDryRunPrintsWhatTheCliPrints() throws Exception {
    Path workspace = Files.createDirectories(dir.resolve("workspace"));

    List<String> step = stepLines(workspace);
    Cli verbose = cli(workspace, "pickup", "--dry-run", "-v", "--repo", REPO, "--api-url", fake.apiUrl());
    Cli plain = cli(workspace, "pickup", "--dry-run", "--repo", REPO, "--api-url", fake.apiUrl());

    assertThat(verbose.exit()).as(verbose.err()).isZero();
    assertThat(plain.out()).contains(
        "github:#1 would run - ready bug with enough context",
        "github:#3 skipped - pull request already opened",
        "github:#4 waiting - max concurrent runs reached (1 of 1)");
    assertThat(plain.out()).anyMatch(line -> line.startsWith("github:#2 needs info - "));
    assertThat(step).as("the step prints the CLI's --verbose output").isEqualTo(verbose.out());
    assertThat(withoutConfiguration(step)).as("and the decision lines exactly as the CLI").isEqualTo(plain.out());
  }

  /** The step's core call for {@code aegis command: 'pickup', dryRun: true, repository:, apiUrl:, credentialsId:}. */
  private List<String> stepLines(Path workspace) {
    AegisStep step = new AegisStep("pickup");
    step.setDryRun(true);
    step.setRepository(REPO);
    step.setApiUrl(fake.apiUrl());
    step.setCredentialsId("gh");
    Map<String, String> buildEnvironment = environment("step");
    CoreCall call =
        new CoreCallPlanner(id -> id.equals("gh") ? Optional.of(token) : Optional.empty())
            .plan(StepParameters.of(step), AegisSettings.NONE, buildEnvironment, null);
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    CoreOutcome outcome;
    try (PrintStream print = new PrintStream(out, true, StandardCharsets.UTF_8)) {
      outcome = new CoreInvocation(new CoreEntry()).invoke(call, workspace, print);
    }
    assertThat(outcome.outcome()).isEqualTo("OK");
    return lines(out.toString(StandardCharsets.UTF_8));
  }

  private Cli cli(Path workspace, String... args) throws IOException, InterruptedException {
    Path jar = Path.of(System.getProperty("aegis.cli.jar", "../action-runner/target/aegis.jar"));
    assertThat(jar).as("the CLI jar (built by action-runner)").isRegularFile();
    List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
        "-jar", jar.toAbsolutePath().toString()));
    command.addAll(List.of(args));
    ProcessBuilder builder = new ProcessBuilder(command).directory(workspace.toFile());
    builder.environment().clear();
    builder.environment().putAll(environment("cli"));
    builder.environment().put("GITHUB_TOKEN", token);
    Path stdout = dir.resolve("cli-out.txt");
    Path stderr = dir.resolve("cli-err.txt");
    builder.redirectOutput(stdout.toFile()).redirectError(stderr.toFile());
    Process process = builder.start();
    assertThat(process.waitFor(60, TimeUnit.SECONDS)).as("the CLI finished").isTrue();
    return new Cli(process.exitValue(), lines(Files.readString(stdout)), Files.readString(stderr));
  }

  /** What a build agent and a laptop both have: PATH and HOME (and a cache each, so neither waits). */
  private Map<String, String> environment(String who) {
    return Map.of(
        "PATH", System.getenv().getOrDefault("PATH", "/usr/bin:/bin"),
        "HOME", dir.resolve("home-" + who).toString(),
        "AEGIS_CACHE_DIR", dir.resolve("cache-" + who).toString());
  }

  /** The lines without the resolved-configuration group the step always prints (the CLI only with -v). */
  private static List<String> withoutConfiguration(List<String> lines) {
    List<String> kept = new ArrayList<>();
    boolean inGroup = false;
    for (String line : lines) {
      if (line.equals("== Aegis configuration ==")) {
        inGroup = true;
        continue;
      }
      if (inGroup && line.matches("\\S+ = .*  \\(.*\\)")) {
        continue;
      }
      inGroup = false;
      kept.add(line);
    }
    return kept;
  }

  private static List<String> lines(String text) {
    return text.lines().toList();
  }

  private record Cli(int exit, List<String> out, String err) {}
}
