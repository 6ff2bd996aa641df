package org.jenkinsci.plugins.workflow.steps;

import hudson.model.Descriptor;
import java.util.Map;
import java.util.Set;

/** Mirror of {@code org.jenkinsci.plugins.workflow.steps.StepDescriptor} (workflow-step-api 686.v603d058a_e148). */
public abstract class StepDescriptor extends Descriptor<Step> {
  public StepDescriptor() {}

  public abstract Set<? extends Class<?>> getRequiredContext();

  public abstract String getFunctionName();

  public Step newInstance(Map<String, Object> arguments) throws Exception {
    throw new UnsupportedOperationException("compile-only mirror");
  }
}
