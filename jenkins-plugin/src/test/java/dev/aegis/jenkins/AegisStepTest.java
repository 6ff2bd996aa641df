package dev.aegis.jenkins;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import hudson.AbortException;
import hudson.EnvVars;
import hudson.FilePath;
import hudson.model.Run;
import hudson.model.TaskListener;
import java.util.Map;
import org.junit.jupiter.api.Test;

class AegisStepTest {
  private final AegisStep.DescriptorImpl descriptor = new AegisStep.DescriptorImpl();

  @Test
  void pipelineCallsTheStepAegis() {
    assertThat(descriptor.getFunctionName()).isEqualTo("aegis");
  }

  @Test
  void theStepNeedsTheBuildItsLogWorkspaceAndEnvironment() {
    assertThat(new java.util.HashSet<Class<?>>(descriptor.getRequiredContext()))
        .containsExactlyInAnyOrder(Run.class, TaskListener.class, FilePath.class, EnvVars.class);
  }

  @Test
  void aBadCommandFailsTheBuildWithTheMessageOnlyBeforeAnythingRuns() {
    assertThatThrownBy(() -> new AegisStep("deploy").start(null))
        .isInstanceOf(AbortException.class)
        .hasMessage("aegis: unknown command 'deploy': use one of pickup, plan, implement, action, run");
  }

  @Test
  void aMissingRequiredParameterFailsTheBuildBeforeAnythingRuns() {
    assertThatThrownBy(() -> new AegisStep("plan").start(null))
        .isInstanceOf(AbortException.class)
        .hasMessageStartingWith("aegis: command 'plan' needs 'issue'");
  }

  @Test
  void stepWithMisspelledParameterFails() {
    assertThatThrownBy(() -> descriptor.newInstance(Map.of("command", "pickup", "dryrun", true)))
        .isInstanceOf(AbortException.class)
        .hasMessageStartingWith("aegis: 'dryrun' is not a parameter of aegis (did you mean 'dryRun'?).")
        .hasMessageContaining("The step takes: apiUrl, command, credentialsId, dryRun, issue,");
  }

  @Test
  void dryRunYesFailsInsteadOfMeaningFalse() {
    assertThatThrownBy(() -> descriptor.newInstance(Map.of("command", "pickup", "dryRun", "yes")))
        .isInstanceOf(AbortException.class)
        .hasMessageStartingWith("aegis: 'dryRun' must be true or false, got 'yes'");
  }

  @Test
  void argumentsAreNormalizedForJenkinsBinding() throws Exception {
    Map<String, Object> arguments = new java.util.HashMap<>(Map.of("command", "plan", "issue", 42, "dryRun", "TRUE"));
    arguments.put("runId", null);

    assertThat(StepArguments.check(arguments))
        .containsEntry("command", "plan")
        .containsEntry("issue", "42")
        .containsEntry("dryRun", true)
        .containsEntry("runId", null);
  }

  @Test
  void theStepsParametersAreItsConstructorAndSetters() {
    assertThat(StepArguments.parameters())
        .containsOnlyKeys("command", "issue", "runId", "dryRun", "prompt", "repository", "apiUrl", "credentialsId",
            "modelCredentialsId", "model")
        .containsEntry("dryRun", boolean.class)
        .containsEntry("command", String.class);
  }

  @Test
  void blankSetterValuesAreStoredAsAbsent() {
    AegisStep step = new AegisStep("pickup");
    step.setRunId(" ");
    step.setModel("");

    assertThat(step.getRunId()).isNull();
    assertThat(step.getModel()).isNull();
  }
}
