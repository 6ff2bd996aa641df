package org.jenkinsci.plugins.workflow.steps;

import java.io.Serializable;

/** Mirror of {@code org.jenkinsci.plugins.workflow.steps.StepExecution} (workflow-step-api 686.v603d058a_e148). */
public abstract class StepExecution implements Serializable {
  private static final long serialVersionUID = 1L;

  protected StepExecution(StepContext context) {}

  public StepContext getContext() {
    throw new UnsupportedOperationException("compile-only mirror");
  }

  public abstract boolean start() throws Exception;
}
