package org.jenkinsci.plugins.workflow.steps;

import java.io.IOException;
import java.io.Serializable;

/** Mirror of {@code org.jenkinsci.plugins.workflow.steps.StepContext} (workflow-step-api 686.v603d058a_e148). */
public abstract class StepContext implements Serializable {
  private static final long serialVersionUID = 1L;

  public StepContext() {}

  public abstract <T> T get(Class<T> key) throws IOException, InterruptedException;
}
