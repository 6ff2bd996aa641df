package org.jenkinsci.plugins.workflow.steps;

import hudson.ExtensionPoint;
import hudson.model.AbstractDescribableImpl;

/** Mirror of {@code org.jenkinsci.plugins.workflow.steps.Step} (workflow-step-api 686.v603d058a_e148). */
public abstract class Step extends AbstractDescribableImpl<Step> implements ExtensionPoint {
  public Step() {}

  public abstract StepExecution start(StepContext context) throws Exception;

  @Override
  public StepDescriptor getDescriptor() {
    throw new UnsupportedOperationException("compile-only mirror");
  }
}
