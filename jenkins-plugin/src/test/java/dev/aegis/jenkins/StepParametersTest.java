package dev.aegis.jenkins;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.aegis.core.host.HostCommand;
import org.junit.jupiter.api.Test;

class StepParametersTest {

  @Test
  void dataBoundValuesMapOntoTheParameters() {
    AegisStep step = new AegisStep(" pickup ");
    step.setIssue(" 42 ");
    step.setRunId("r-7");
    step.setDryRun(true);
    step.setPrompt("why");
    step.setRepository("octo/shop");
    step.setApiUrl("https://ghe.example.com/api/v3");
    step.setCredentialsId("gh");
    step.setModelCredentialsId("llm");
    step.setModel("anthropic/claude");

    StepParameters parameters = StepParameters.of(step);

    assertThat(parameters)
        .isEqualTo(
            new StepParameters(
                HostCommand.PICKUP, "42", "r-7", true, "why", "octo/shop", "https://ghe.example.com/api/v3", "gh",
                "llm", "anthropic/claude"));
  }

  @Test
  void blankOptionalValuesBecomeNull() {
    AegisStep step = new AegisStep("pickup");
    step.setIssue("  ");
    step.setCredentialsId("");

    StepParameters parameters = StepParameters.of(step);

    assertThat(parameters.issue()).isNull();
    assertThat(parameters.credentialsId()).isNull();
    assertThat(parameters.dryRun()).isFalse();
  }

  @Test
  void aDryRunOfACommandThatCannotBeDryFailsBeforeAnythingRuns() {
    AegisStep implement = withIssue(new AegisStep("implement"), "42");
    implement.setRunId("42-abc");
    implement.setDryRun(true);
    AegisStep run = new AegisStep("run");
    run.setPrompt("why");
    run.setDryRun(true);

    for (AegisStep step : java.util.List.of(implement, run)) {
      assertThatThrownBy(() -> StepParameters.of(step))
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessageStartingWith("aegis: command '" + step.getCommand() + "' has no dryRun");
    }
    AegisStep plan = withIssue(new AegisStep("plan"), "42");
    plan.setDryRun(true);
    assertThat(StepParameters.of(plan).dryRun()).isTrue();
  }

  @Test
  void commandIsCaseInsensitive() {
    assertThat(StepParameters.of(withIssue(new AegisStep("PLAN"), "1")).command()).isEqualTo(HostCommand.PLAN);
  }

  @Test
  void missingCommandSaysWhichCommandsExist() {
    assertThatThrownBy(() -> StepParameters.of(new AegisStep(" ")))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("aegis: 'command' is required: one of pickup, plan, implement, action, run");
  }

  @Test
  void unknownCommandIsRejectedWithTheAcceptedList() {
    assertThatThrownBy(() -> StepParameters.of(new AegisStep("deploy")))
        .hasMessage("aegis: unknown command 'deploy': use one of pickup, plan, implement, action, run");
  }

  @Test
  void recoverIsACoreCommandButNotAStepCommand() {
    assertThatThrownBy(() -> StepParameters.of(new AegisStep("recover")))
        .hasMessageContaining("unknown command 'recover'");
  }

  @Test
  void planNeedsAnIssue() {
    assertThatThrownBy(() -> StepParameters.of(new AegisStep("plan")))
        .hasMessageStartingWith("aegis: command 'plan' needs 'issue'");
  }

  @Test
  void implementNeedsTheIssueAsWellAsTheRunId() {
    AegisStep step = new AegisStep("implement");
    step.setRunId("42-abc123");
    assertThatThrownBy(() -> StepParameters.of(step)).hasMessageStartingWith("aegis: command 'implement' needs 'issue'");
  }

  @Test
  void implementNeedsARunId() {
    AegisStep step = withIssue(new AegisStep("implement"), "42");
    assertThatThrownBy(() -> StepParameters.of(step)).hasMessageStartingWith("aegis: command 'implement' needs 'runId'");
  }

  @Test
  void runNeedsAPrompt() {
    assertThatThrownBy(() -> StepParameters.of(new AegisStep("run")))
        .hasMessageStartingWith("aegis: command 'run' needs 'prompt'");
  }

  @Test
  void pickupAndActionNeedNothingElse() {
    assertThat(StepParameters.of(new AegisStep("pickup")).issue()).isNull();
    assertThat(StepParameters.of(new AegisStep("action")).command()).isEqualTo(HostCommand.ACTION);
  }

  @Test
  void malformedRepositoryIsRejected() {
    AegisStep step = new AegisStep("pickup");
    step.setRepository("https://github.com/octo/shop");
    assertThatThrownBy(() -> StepParameters.of(step)).hasMessageStartingWith("aegis: repository: Must look like owner/name, got 'https://github.com/octo/shop'");
  }

  @Test
  void nonHttpApiUrlIsRejected() {
    AegisStep step = new AegisStep("pickup");
    step.setApiUrl("ftp://example.com");
    assertThatThrownBy(() -> StepParameters.of(step)).hasMessageStartingWith("aegis: apiUrl:");
  }

  private static AegisStep withIssue(AegisStep step, String issue) {
    step.setIssue(issue);
    return step;
  }
}
