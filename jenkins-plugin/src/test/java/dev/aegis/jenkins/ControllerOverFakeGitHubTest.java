package dev.aegis.jenkins;

import static org.assertj.core.api.Assertions.assertThat;

import dev.aegis.core.host.HostCommand;
import dev.aegis.core.host.WorkItem;
import dev.aegis.testkit.github.FakeComment;
import dev.aegis.testkit.model.SampleProject;
import dev.aegis.testkit.model.ScriptedModelServer;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The periodic scan and the worker it starts, with the real core against a fake GitHub: the plugin's scan
 * cycle calls the core's {@code scan}, starts one worker per piece of work, and the worker's {@code plan}
 * produces the root-cause analysis.
 */
class ControllerOverFakeGitHubTest {
  @TempDir Path dir;
  private ControllerFixture f;

  @BeforeEach
  void start() throws Exception {
    f = new ControllerFixture(dir);
  }

  @AfterEach
  void stop() {
    f.close();
  }

  @Test
  void aReadyIssueIsClaimedOnceAndYieldsOnePlanWorkItemAcrossScans() {
    int issue = f.readyBug();

    ScanReport first = f.scan();
    ScanReport second = f.scan();

    assertThat(first.starts().started())
        .singleElement()
        .satisfies(item -> {
          assertThat(item.command()).isEqualTo(HostCommand.PLAN);
          assertThat(item.issue()).isEqualTo(Integer.toString(issue));
          assertThat(item.runId()).startsWith(issue + "-");
        });
    assertThat(second.starts().started()).isEmpty();
    assertThat(f.launched).hasSize(1);
    assertThat(f.issue(issue).labels()).contains("aegis:in-progress");
    assertThat(statusComments(issue)).hasSize(1);
    assertThat(f.repo.branchHead("aegis/" + issue + "-add-returns-the-difference")).isPresent();
    assertThat(f.log.warnings).isEmpty();
  }

  @Test
  void theWorkersPlanPostsTheRootCauseAnalysis() throws Exception {
    int issue = f.readyBug();
    WorkItem plan = f.scan().starts().started().get(0);

    ControllerFixture.Worker worker = f.work(plan);

    assertThat(worker.outcome().outcome()).as(worker.printed()).isEqualTo("OK");
    assertThat(worker.outcome().toPipelineResult())
        .containsEntry("runId", plan.runId())
        .containsEntry("outcome", "OK");
    assertThat(worker.outcome().toPipelineResult().get("decision")).contains("awaiting approval");
    assertThat(f.issue(issue).labels()).contains("aegis:awaiting-approval").doesNotContain("aegis:in-progress");
    assertThat(statusComments(issue))
        .singleElement()
        .asString()
        .contains("root-cause analysis", "add() computes $1 - $2", "/aegis proceed " + plan.runId());
    assertThat(worker.recordFiles())
        .extracting(path -> path.getFileName().toString())
        .contains("transcript.jsonl", "audit.jsonl");
    assertThat(f.scan().starts().started()).as("a planned run waits for approval").isEmpty();
  }

  @Test
  void aWorkerGetsTheGlobalModelKeyWhenNoModelIsSetInJenkins() throws Exception {
    // the worker's model comes from its checkout (here the core's default, openai/...), not from Jenkins
    f.credentials("model-key", "sk-jenkins-model-1234");
    f.settings(Settings.from(f.settings()).model(null).modelCredentialsId("model-key").build());
    int issue = f.readyBug();
    WorkItem plan = f.scan().starts().started().get(0);

    try (ScriptedModelServer model = ScriptedModelServer.start(SampleProject.PLAN_SCRIPT)) {
      ControllerFixture.Worker worker = f.work(plan, Map.of("OPENAI_BASE_URL", model.openAiBaseUrl()));

      assertThat(worker.outcome().outcome()).as(worker.printed()).isEqualTo("OK");
      assertThat(model.failures()).isEmpty();
      assertThat(model.requests()).isNotEmpty()
          .allSatisfy(request -> assertThat(request.header("Authorization")).isEqualTo("Bearer sk-jenkins-model-1234"));
      assertThat(worker.printed()).doesNotContain("sk-jenkins-model-1234");
    }
    assertThat(f.issue(issue).labels()).contains("aegis:awaiting-approval");
  }

  @Test
  void aDryRunPlanStepReadsGitHubAndWritesNothing() throws Exception {
    int issue = f.readyBug();
    AegisStep step = new AegisStep("plan");
    step.setIssue(Integer.toString(issue));
    step.setDryRun(true);
    f.fake.clearRequests();

    ControllerFixture.Worker worker = f.step(step, Map.of());

    assertThat(worker.outcome().outcome()).as(worker.printed()).isEqualTo("OK");
    assertThat(worker.outcome().toPipelineResult().get("decision")).contains("#" + issue + " would run");
    assertThat(worker.printed()).contains("Dry run: 'plan' would investigate");
    assertThat(f.fake.requests()).isNotEmpty().allSatisfy(request -> assertThat(request.method()).isEqualTo("GET"));
    assertThat(f.issue(issue).labels()).doesNotContain("aegis:in-progress");
    assertThat(f.repo.comments(issue)).isEmpty();
  }

  @Test
  void aPlanInANodeWithoutCheckoutSaysWhatIsMissingAndTouchesNothing() {
    int issue = f.readyBug();
    AegisStep step = new AegisStep("plan");
    step.setIssue(Integer.toString(issue));
    Path workspace = dir.resolve("workspace/aegis-worker");
    f.fake.clearRequests();

    ControllerFixture.Worker worker = f.step(step, Map.of(), workspace);

    assertThat(worker.outcome().outcome()).isEqualTo("INPUT_ERROR");
    assertThat(worker.outcome().failureMessage())
        .contains("is not a git checkout", "checkout scm")
        .doesNotContain("is it installed");
    assertThat(workspace).isDirectory();
    assertThat(f.fake.requests()).as("nothing claimed or written").isEmpty();
    assertThat(f.issue(issue).labels()).doesNotContain("aegis:in-progress");
  }

  @Test
  void aPickupInANodeWithoutCheckoutWorksFromTheConfiguration() {
    int issue = f.readyBug();
    AegisStep step = new AegisStep("pickup");
    step.setDryRun(true);

    ControllerFixture.Worker worker = f.step(step, Map.of(), dir.resolve("workspace/aegis-pickup"));

    assertThat(worker.outcome().outcome()).as(worker.printed()).isEqualTo("OK");
    assertThat(worker.printed()).contains("created the workspace", "#" + issue + " would run");
  }

  @Test
  void aStepPausedInJenkinsSaysHowToResumeThereAndCallsNothing() {
    int issue = f.readyBug();
    f.settings(Settings.from(f.settings()).maxConcurrentRuns(0).build());
    AegisStep step = new AegisStep("plan");
    step.setIssue(Integer.toString(issue));
    f.fake.clearRequests();

    ControllerFixture.Worker worker = f.step(step, Map.of(), dir.resolve("paused"));

    assertThat(worker.outcome().outcome()).isEqualTo("PAUSED");
    assertThat(worker.outcome().failsBuild()).isFalse();
    assertThat(worker.printed())
        .contains("Max concurrent runs is 0 in Manage Jenkins > System > Aegis", "Set it to 1 or more there to resume")
        .doesNotContain("aegis resume");
    assertThat(f.fake.requests()).isEmpty();
  }

  @Test
  void aFreeFormRunIsNotStoppedByThePause() {
    AegisSettings paused = Settings.configured().maxConcurrentRuns(0).build();

    assertThat(CoreOutcome.pausedInJenkins(paused, HostCommand.RUN)).isEmpty();
    assertThat(CoreOutcome.pausedInJenkins(paused, HostCommand.PICKUP)).isPresent();
    assertThat(CoreOutcome.pausedInJenkins(Settings.configured().build(), HostCommand.PICKUP)).isEmpty();
  }

  @Test
  void anAuthorizedProceedYieldsOneImplementWorkItemAndNeverTwice() throws Exception {
    int issue = f.readyBug();
    WorkItem plan = f.scan().starts().started().get(0);
    f.work(plan);
    f.repo.addComment(issue, ControllerFixture.MAINTAINER, "/aegis proceed " + plan.runId());

    ScanReport approved = f.scan();
    ScanReport again = f.scan();
    ScanReport andAgain = f.scan();

    assertThat(approved.starts().started())
        .singleElement()
        .satisfies(item -> {
          assertThat(item.command()).isEqualTo(HostCommand.IMPLEMENT);
          assertThat(item.issue()).isEqualTo(Integer.toString(issue));
          assertThat(item.runId()).isEqualTo(plan.runId());
        });
    assertThat(again.starts().started()).isEmpty();
    assertThat(andAgain.starts().started()).isEmpty();
    assertThat(ControllerFixture.of(HostCommand.IMPLEMENT, f.launched)).hasSize(1);
    assertThat(f.issue(issue).labels()).contains("aegis:in-progress");
  }

  @Test
  void aProceedFromSomeoneWithoutWriteAccessIsRefusedAndStartsNothing() throws Exception {
    int issue = f.readyBug();
    WorkItem plan = f.scan().starts().started().get(0);
    f.work(plan);
    f.repo.addComment(issue, ControllerFixture.STRANGER, "/aegis proceed " + plan.runId());

    ScanReport report = f.scan();

    assertThat(report.starts().started()).isEmpty();
    assertThat(f.issue(issue).labels()).contains("aegis:awaiting-approval");
    assertThat(f.repo.comments(issue)).extracting(FakeComment::body).anyMatch(body -> body.contains("aegis:refused mallory"));
  }

  @Test
  void aPausedConfigurationMakesNoCoreCallAndNoRequest() {
    f.readyBug();
    f.settings(Settings.configured().repository(ControllerFixture.REPO).apiUrl(f.fake.apiUrl()).maxConcurrentRuns(0).build());
    f.fake.clearRequests();

    ScanReport report = f.scan();

    assertThat(report.decision()).isEqualTo(ScanDecision.PAUSED);
    assertThat(f.sourcesBuilt()).isZero();
    assertThat(f.fake.requests()).isEmpty();
    assertThat(f.launched).isEmpty();
  }

  @Test
  void everyControllerCallCarriesTheConfiguredConcurrency() {
    f.readyBug();
    f.readyBug();
    f.settings(
        Settings.configured()
            .repository(ControllerFixture.REPO)
            .apiUrl(f.fake.apiUrl())
            .githubLogin(ControllerFixture.BOT)
            .maxConcurrentRuns(1)
            .build());

    ScanReport report = f.scan();

    assertThat(report.starts().started()).as("one run at a time: the second bug waits").hasSize(1);
  }

  @Test
  void theControllersYamlIsReadByTheCoreOnEveryScan() {
    int custom =
        f.repo.addIssue("add returns", ControllerFixture.READY_BODY, ControllerFixture.MAINTAINER, "bug", "aegis please");
    f.settings(Settings.from(f.settings()).configYaml("labels:\n  ready: aegis please\n").build());

    ScanReport report = f.scan();

    assertThat(report.starts().started()).extracting(WorkItem::issue).containsExactly(Integer.toString(custom));
    assertThat(f.log.warnings).isEmpty();
  }

  @Test
  void anUnknownKeyInTheYamlFailsTheScanWithTheCoresMessageAndTouchesNothing() {
    f.readyBug();
    f.settings(Settings.from(f.settings()).configYaml("labels:\n  redy: go\n").build());
    f.fake.clearRequests();

    ScanReport report = f.scan();

    assertThat(report.starts().started()).isEmpty();
    assertThat(f.log.warnings)
        .anySatisfy(warning -> assertThat(warning)
            .startsWith("Aegis scan: CONFIG_ERROR: ")
            .contains(".aegis/config.yml: 'labels.redy' is not a known key (did you mean 'labels.ready'?)"));
    assertThat(f.fake.requests()).isEmpty();
  }

  @Test
  void aFormFieldWinsOverTheSameKeyInTheYaml() {
    int issue = f.readyBug();
    f.settings(Settings.from(f.settings()).labels("ready to implement", null).configYaml("labels:\n  ready: nope\n").build());

    assertThat(f.scan().starts().started()).extracting(WorkItem::issue).containsExactly(Integer.toString(issue));
  }

  private List<String> statusComments(int issue) {
    return f.repo.comments(issue).stream()
        .filter(c -> c.author().equals(ControllerFixture.BOT) && c.body().contains("aegis:state"))
        .map(FakeComment::body)
        .toList();
  }
}
