package org.jenkinsci.plugins.workflow.steps;

/**
 * Mirror of {@code org.jenkinsci.plugins.workflow.steps.SynchronousNonBlockingStepExecution}
 * (workflow-step-api 686.v603d058a_e148).
 */
public abstract class SynchronousNonBlockingStepExecution<T> extends StepExecution {
  private static final long serialVersionUID = 1L;

  protected SynchronousNonBlockingStepExecution(StepContext context) {
    super(context);
  }

  @Override
  public final boolean start() throws Exception {
    throw new UnsupportedOperationException("compile-only mirror");
  }

  protected abstract T run() throws Exception;
}
