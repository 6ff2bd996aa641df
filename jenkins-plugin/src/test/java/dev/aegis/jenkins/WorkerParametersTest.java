package dev.aegis.jenkins;

import static org.assertj.core.api.Assertions.assertThat;

import dev.aegis.core.host.HostCommand;
import dev.aegis.core.host.WorkItem;
import org.junit.jupiter.api.Test;

class WorkerParametersTest {

  @Test
  void aWorkItemBecomesTheThreeStringParametersTheWorkerJobDeclares() {
    WorkItem item = new WorkItem("implement:#7:7-b:2", HostCommand.IMPLEMENT, "7", "7-b");

    assertThat(WorkerParameters.of(item)).containsExactly(
        org.assertj.core.api.Assertions.entry("ISSUE", "7"),
        org.assertj.core.api.Assertions.entry("COMMAND", "implement"),
        org.assertj.core.api.Assertions.entry("RUN_ID", "7-b"));
    assertThat(WorkerParameters.describe(item)).isEqualTo("implement #7 (run 7-b)");
  }

  @Test
  void aLinearIssueIsDescribedByItsIdentifier() {
    WorkItem item = new WorkItem("plan:linear:ENG-950:eng-950-a:1", HostCommand.PLAN, "ENG-950", "eng-950-a");

    assertThat(WorkerParameters.of(item)).containsEntry("ISSUE", "ENG-950");
    assertThat(WorkerParameters.describe(item)).isEqualTo("plan ENG-950 (run eng-950-a)");
  }

  @Test
  void theParametersAreWhatTheStepAccepts() {
    WorkItem item = new WorkItem("plan:#42:42-a:1", HostCommand.PLAN, "42", "42-a");
    AegisStep step = new AegisStep(WorkerParameters.of(item).get(WorkerParameters.COMMAND));
    step.setIssue(WorkerParameters.of(item).get(WorkerParameters.ISSUE));
    step.setRunId(WorkerParameters.of(item).get(WorkerParameters.RUN_ID));

    StepParameters parameters = StepParameters.of(step);

    assertThat(parameters.command()).isEqualTo(HostCommand.PLAN);
    assertThat(parameters.issue()).isEqualTo("42");
    assertThat(parameters.runId()).isEqualTo("42-a");
  }
}
