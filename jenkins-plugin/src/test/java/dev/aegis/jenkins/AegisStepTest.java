package dev.aegis.jenkins;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import hudson.AbortException;
import hudson.EnvVars;
import hudson.FilePath;
import hudson.model.Run;
import hudson.model.TaskListener;
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
  void blankSetterValuesAreStoredAsAbsent() {
    AegisStep step = new AegisStep("pickup");
    step.setRunId(" ");
    step.setModel("");

    assertThat(step.getRunId()).isNull();
    assertThat(step.getModel()).isNull();
  }
}
