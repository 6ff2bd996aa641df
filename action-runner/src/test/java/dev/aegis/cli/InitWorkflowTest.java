package dev.aegis.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import dev.aegis.core.host.CoreEntry;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The workflow {@code aegis init} writes, read as GitHub reads it (parsed YAML, not text): where the filter and
 * the concurrency group live, what the schedule costs, and which action it runs.
 */
class InitWorkflowTest {
  @TempDir Path dir;

  private CliRun init(String... more) {
    if (!Files.exists(dir.resolve(".git"))) {
      try {
        dev.aegis.testkit.model.SampleProject.git(dir, "init", "-q"); // init writes into a checkout only
      } catch (IOException | InterruptedException e) {
        throw new IllegalStateException(e);
      }
    }
    List<String> args = new ArrayList<>(List.of("init"));
    args.addAll(List.of(more));
    return CliRun.of(Map.of("PATH", System.getenv("PATH")), dir, CoreEntry::new, args.toArray(String[]::new));
  }

  private JsonNode workflow() throws IOException {
    return new ObjectMapper(new YAMLFactory()).readTree(Files.readString(dir.resolve(InitCommand.WORKFLOW)));
  }

  private static JsonNode step(JsonNode job, String usesPrefix) {
    for (JsonNode step : job.path("steps")) {
      if (step.path("uses").asText().startsWith(usesPrefix)) {
        return step;
      }
    }
    throw new AssertionError("no step uses " + usesPrefix + " in " + job.path("steps"));
  }

  @Test
  void theCommandFilterAndTheConcurrencyGroupAreBothOnTheJobSoTheFilterIsEvaluatedFirst() throws IOException {
    init();
    JsonNode wf = workflow();
    JsonNode job = wf.path("jobs").path("aegis");

    assertThat(wf.has("concurrency")).as("workflow-level concurrency").isFalse();
    assertThat(job.path("if").asText()).contains("github.event.comment.user.type != 'Bot'",
        "contains(github.event.comment.body, '/aegis')");
    assertThat(job.path("concurrency").path("group").asText()).isEqualTo("aegis-${{ github.event.issue.number || 'scan' }}");
    assertThat(job.path("concurrency").path("cancel-in-progress").asBoolean(true)).isFalse();
    assertThat(wf.path("permissions").properties()).extracting(Map.Entry::getKey)
        .containsExactlyInAnyOrder("contents", "issues", "pull-requests");
  }

  @Test
  void theScheduleRunsAtMostHourlyAndAScanWithNothingToDoSkipsTheCheckoutAndAegis() throws IOException {
    init();
    JsonNode wf = workflow();
    JsonNode job = wf.path("jobs").path("aegis");

    String cron = wf.path("on").path("schedule").get(0).path("cron").asText();
    String minute = cron.split(" ")[0];
    assertThat(minute).as("minute field of '" + cron + "': one fixed minute, so at most 24 jobs a day").matches("\\d+");
    assertThat(cron.split(" ")[1]).isEqualTo("*");

    JsonNode first = job.path("steps").get(0);
    assertThat(first.path("id").asText()).isEqualTo("scan");
    assertThat(first.path("if").asText()).isEqualTo("github.event_name == 'schedule'");
    assertThat(first.path("run").asText()).contains("gh issue list", "ready to implement", "aegis:in-progress",
        "aegis:awaiting-approval", "aegis:blocked", "skip=true");
    assertThat(first.path("env").path("LINEAR_CONFIGURED").asText()).isEqualTo("${{ secrets.LINEAR_API_KEY != '' }}");
    assertThat(first.path("run").asText()).as("Linear issues are not counted: such a repository always scans")
        .startsWith("if [ \"$LINEAR_CONFIGURED\" = \"true\" ]; then exit 0; fi");
    assertThat(step(job, "actions/checkout@").path("if").asText()).isEqualTo("steps.scan.outputs.skip != 'true'");
    assertThat(step(job, InitCommand.ACTION_REPOSITORY).path("if").asText()).isEqualTo("steps.scan.outputs.skip != 'true'");
  }

  @Test
  void byDefaultTheWorkflowUsesTheActionOfTheVersionThatWroteIt() throws IOException {
    CliRun r = init();

    String version = Main.Version.number();
    String expected = version.matches("\\d+\\.\\d+\\.\\d+") ? InitCommand.ACTION_REPOSITORY + "@v" + version
        : InitCommand.ACTION_REPOSITORY + "@main";
    assertThat(step(workflow().path("jobs").path("aegis"), InitCommand.ACTION_REPOSITORY).path("uses").asText())
        .isEqualTo(expected).isNotEqualTo(InitCommand.ACTION_REPOSITORY + "@v1");
    assertThat(r.out()).contains("The workflow uses " + expected);
  }

  @Test
  void aReleasedVersionNamesItsOwnTagAndADevelopmentBuildNamesMain() {
    assertThat(InitCommand.defaultAction("1.4.2")).isEqualTo("aegis-dev/aegis-action@v1.4.2");
    assertThat(InitCommand.defaultAction("0.1.0-SNAPSHOT")).isEqualTo("aegis-dev/aegis-action@main");
    assertThat(InitCommand.defaultAction("unknown")).isEqualTo("aegis-dev/aegis-action@main");
  }

  @Test
  void anActionGivenAsOwnerRepoAtACommitIsWrittenAsGiven() throws IOException {
    String pinned = "acme/aegis-action@0123456789abcdef0123456789abcdef01234567";

    assertThat(init("--action", pinned).exit()).isZero();

    assertThat(step(workflow().path("jobs").path("aegis"), "acme/aegis-action").path("uses").asText()).isEqualTo(pinned);
  }

  @Test
  void anActionInTheSameRepositoryIsWrittenAsALocalPath() throws IOException {
    assertThat(init("--action", "./").exit()).isZero();

    assertThat(step(workflow().path("jobs").path("aegis"), "./").path("uses").asText()).isEqualTo("./");
  }

  @Test
  void anActionThatIsNotOwnerRepoAtRefIsRefusedAndNothingIsWritten() {
    assertThat(init("--action", "aegis-dev/aegis-action").exit()).as("no @REF").isEqualTo(ExitCodes.USAGE);
    assertThat(init("--action", "aegis-dev/aegis-action@v1 # comment").exit()).isEqualTo(ExitCodes.USAGE);
    CliRun r = init("--action", "aegis-action");

    assertThat(r.exit()).isEqualTo(ExitCodes.USAGE);
    assertThat(r.err()).contains("'aegis-action' is not OWNER/REPO@REF", "@<40-character commit sha>",
        "Nothing was written");
    assertThat(dir.resolve(InitCommand.WORKFLOW)).doesNotExist();
    assertThat(dir.resolve(InitCommand.CONFIG)).doesNotExist();
  }

  @Test
  void theNextStepsNameTheSettingThatLetsTheWorkflowOpenPullRequests() {
    CliRun r = init();

    assertThat(r.out()).contains("Settings > Actions > General > Workflow permissions",
        "Allow GitHub Actions to create and approve pull requests", "start no workflows", "as github-token");
  }

  /**
   * GitHub's workflow schema, checked by {@code @action-validator/cli} when it is installed (npm: {@code npm install
   * --prefix DIR @action-validator/cli}, then {@code ACTION_VALIDATOR=DIR/node_modules/.bin/action-validator}, or on
   * the {@code PATH}). Skipped, not passed, where it is not.
   */
  @Test
  void theWrittenWorkflowPassesGitHubsWorkflowSchemaWhereActionValidatorIsInstalled() throws Exception {
    java.util.Optional<Path> validator = actionValidator();
    org.junit.jupiter.api.Assumptions.assumeTrue(validator.isPresent(), "action-validator is not installed");
    init();

    Process p = new ProcessBuilder(validator.get().toString(), dir.resolve(InitCommand.WORKFLOW).toString())
        .redirectErrorStream(true).start();
    String output = new String(p.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);

    assertThat(p.waitFor()).as(output).isZero();
  }

  private static java.util.Optional<Path> actionValidator() {
    String named = System.getenv("ACTION_VALIDATOR");
    if (named != null && !named.isBlank()) {
      return java.util.Optional.of(Path.of(named)).filter(Files::isExecutable);
    }
    for (String entry : System.getenv().getOrDefault("PATH", "").split(java.io.File.pathSeparator)) {
      Path candidate = Path.of(entry, "action-validator");
      if (!entry.isEmpty() && Files.isExecutable(candidate)) {
        return java.util.Optional.of(candidate);
      }
    }
    return java.util.Optional.empty();
  }

  /**
   * Runs the scan step's own script with bash as GitHub runs it ({@code bash --noprofile --norc -eo pipefail}), a stand-in {@code gh} on the PATH that answers {@code 1} for the
   * labels in {@code withIssues} and {@code 0} for the others (or fails when {@code ghFails}), and returns what the
   * step wrote to {@code GITHUB_OUTPUT}.
   */
  private String runScanStep(List<String> withIssues, boolean ghFails, boolean linear) throws Exception {
    init();
    String script = workflow().path("jobs").path("aegis").path("steps").get(0).path("run").asText();
    Path bin = Files.createDirectories(dir.resolve("bin"));
    Path gh = bin.resolve("gh");
    StringBuilder fake = new StringBuilder("#!/bin/sh\n");
    if (ghFails) {
      fake.append("echo 'HTTP 502' >&2\nexit 1\n");
    } else {
      fake.append("label=''\nwhile [ $# -gt 0 ]; do [ \"$1\" = --label ] && label=\"$2\"; shift; done\n")
          .append("case \"$label\" in\n");
      withIssues.forEach(l -> fake.append("  '").append(l).append("') echo 1 ;;\n"));
      fake.append("  *) echo 0 ;;\nesac\n");
    }
    Files.writeString(gh, fake);
    gh.toFile().setExecutable(true);
    Path output = Files.createFile(dir.resolve("output"));
    Path summary = Files.createFile(dir.resolve("summary"));
    ProcessBuilder pb = new ProcessBuilder("bash", "--noprofile", "--norc", "-eo", "pipefail", "-c", script).redirectErrorStream(true);
    pb.environment().putAll(Map.of("PATH", bin + java.io.File.pathSeparator + System.getenv("PATH"),
        "GITHUB_REPOSITORY", "acme/calc", "GITHUB_OUTPUT", output.toString(), "GITHUB_STEP_SUMMARY", summary.toString(),
        "GH_TOKEN", "t", "LINEAR_CONFIGURED", linear ? "true" : "false"));
    Process p = pb.start();
    String log = new String(p.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
    assertThat(p.waitFor()).as(log).isZero();
    return Files.readString(output);
  }

  @Test
  void theScanStepSkipsWhenNoIssueIsReadyOrHeld() throws Exception {
    assertThat(runScanStep(List.of(), false, false)).isEqualTo("skip=true\n");
  }

  @Test
  void theScanStepScansWhenAnIssueIsBlocked() throws Exception {
    assertThat(runScanStep(List.of("aegis:blocked"), false, false)).isEmpty();
  }

  @Test
  void theScanStepScansWhenGhFails() throws Exception {
    assertThat(runScanStep(List.of(), true, false)).isEmpty();
  }

  @Test
  void theScanStepScansWhenLinearIsConfigured() throws Exception {
    assertThat(runScanStep(List.of(), false, true)).isEmpty();
  }
}
