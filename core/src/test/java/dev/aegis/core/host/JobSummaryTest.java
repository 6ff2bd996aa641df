package dev.aegis.core.host;

import static org.assertj.core.api.Assertions.assertThat;

import dev.aegis.core.demo.DemoConnector;
import dev.aegis.core.demo.DemoEngineProvider;
import dev.aegis.core.demo.DemoWorld;
import dev.aegis.core.event.ActionsRun;
import dev.aegis.core.flow.FlowResult;
import dev.aegis.core.run.RunLedger;
import dev.aegis.core.run.StatusComment;
import dev.aegis.core.tracker.IssueKey;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The job summary and the status comment inside GitHub Actions link what a maintainer opens first (the issue,
 * the status comment, the pull request, the workflow run, the records artifact) and show what each run spent;
 * a blocked job names its blocked runs.
 */
class JobSummaryTest {
  private static final Map<String, String> ACTIONS = Map.of("GITHUB_SERVER_URL", "https://github.com",
      "GITHUB_REPOSITORY", "aegis-demo/shop", "GITHUB_RUN_ID", "4242", "GITHUB_RUN_ATTEMPT", "2");

  @TempDir Path tmp;

  /** A log that keeps the job summary and the lines. */
  private record SummaryLog(List<String> lines, List<String> summary) implements HostLog {
    @Override public void line(String text) { lines.add(text); }
    @Override public void warn(String text) { lines.add("WARN " + text); }
    @Override public void group(String title) {}
    @Override public void endGroup() {}
    @Override public void mask(String secret) {}
    @Override public void summary(String markdown) { summary.add(markdown); }
  }

  @Test
  void aPlannedIssuesSummaryLinksTheIssueItsStatusCommentTheWorkflowRunAndTheRecordsWithWhatTheRunSpent()
      throws Exception {
    DemoWorld world = DemoWorld.create(tmp.resolve("world"), dev.aegis.core.support.Sandboxes.PROGRAMS, Clock.systemUTC());
    CoreEntry entry = new CoreEntry(new DemoConnector(world), Clock.systemUTC(), new Random(3),
        new DemoEngineProvider(Clock.systemUTC(), dev.aegis.core.support.Sandboxes.DETECTED));
    Path event = Files.writeString(tmp.resolve("event.json"),
        "{\"action\":\"labeled\",\"issue\":{\"number\":101},\"sender\":{\"login\":\"dana\",\"type\":\"User\"}}");
    Map<String, String> env = new HashMap<>(Map.of("PATH", System.getenv("PATH"), "HOME", tmp.toString(),
        "AEGIS_RECORDS_DIR", tmp.resolve("records").toString(), "GITHUB_EVENT_NAME", "issues",
        "GITHUB_EVENT_PATH", event.toString()));
    env.putAll(ACTIONS);
    SummaryLog log = new SummaryLog(new ArrayList<>(), new ArrayList<>());

    HostResult r = entry.execute(new HostRequest(HostCommand.ACTION, null, null, false, null, Map.of(), env,
        world.workspace()), log);

    assertThat(r.outputs().get("decision")).contains("github:#101 awaiting approval");
    StatusComment status = new RunLedger(world.tracker()).latest(IssueKey.github(101),
        world.tracker().comments(IssueKey.github(101))).orElseThrow();
    String issue = "https://github.com/aegis-demo/shop/issues/101";
    String summary = String.join("\n", log.summary());
    assertThat(summary).contains("[Workflow run 4242](https://github.com/aegis-demo/shop/actions/runs/4242)",
        "run records: artifact `aegis-records-4242-2` ([download](https://github.com/aegis-demo/shop/actions/runs/4242#artifacts))",
        "[github:#101](" + issue + ")", "[status comment](" + issue + "#issuecomment-" + status.commentId() + ")");
    assertThat(summary).containsPattern("\\| \\d+ steps · [\\d,]+ tokens · \\$\\d+\\.\\d{4} · \\d+s \\|");
    assertThat(status.text()).endsWith(
        "_Written by [workflow run 4242](https://github.com/aegis-demo/shop/actions/runs/4242)._");
  }

  @Test
  void outsideActionsTheSummaryLinksNoWorkflowRun() {
    Reports report = new Reports();
    report.add(new FlowResult(IssueKey.github(5), "5-abc", FlowResult.Status.AWAITING_APPROVAL, "run 5-abc", "", null));
    List<String> summary = new ArrayList<>();

    report.finish("Aegis", new SummaryLog(new ArrayList<>(), summary), "");

    assertThat(summary.get(0)).contains("| Issue | Decision | Detail |\n", "| github:#5 | awaiting approval |")
        .doesNotContain("Workflow run", "Links");
  }

  @Test
  void aBlockedJobReportsItsBlockedRunNotTheLastRowAndTheRowLinksItsPullRequest() {
    Reports report = new Reports(r -> new Reports.Links("https://github.com/o/r/issues/" + r.issue().id(),
        "", r.prUrl(), ""), ActionsRun.of(ACTIONS));
    report.add(new FlowResult(IssueKey.github(5), "5-abc", FlowResult.Status.BLOCKED, "the tests fail", "", null));
    report.add(new FlowResult(IssueKey.github(7), "7-def", FlowResult.Status.PR_OPENED, "https://github.com/o/r/pull/9",
        "https://github.com/o/r/pull/9", null));
    List<String> summary = new ArrayList<>();

    HostResult r = report.finish("Aegis scan", new SummaryLog(new ArrayList<>(), summary), "");

    assertThat(r.outcome()).isEqualTo(HostResult.Outcome.BLOCKED);
    assertThat(r.message()).isEqualTo("github:#5 blocked - the tests fail");
    assertThat(summary.get(0)).contains("| [github:#7](https://github.com/o/r/issues/7) | pull request opened |",
        "[pull request](https://github.com/o/r/pull/9)").doesNotContain("run records");
  }

  @Test
  void theActionsRunIsReadFromTheRunnersVariablesOnly() {
    Optional<ActionsRun> run = ActionsRun.of(Map.of("GITHUB_SERVER_URL", "https://ghe.example.com/",
        "GITHUB_REPOSITORY", "o/r", "GITHUB_RUN_ID", "12"));

    assertThat(run.orElseThrow().url()).isEqualTo("https://ghe.example.com/o/r/actions/runs/12");
    assertThat(run.orElseThrow().recordsArtifact()).isEqualTo("aegis-records-12-1");
    assertThat(ActionsRun.of(Map.of("GITHUB_SERVER_URL", "https://github.com", "GITHUB_REPOSITORY", "o/r",
        "GITHUB_RUN_ID", "12; rm -rf"))).isEmpty();
  }
}
