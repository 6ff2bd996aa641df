package hudson.model;

/** Mirror of {@code hudson.model.Run} (jenkins-core 2.479.3); no member is used. */
public abstract class Run<JobT extends Job<JobT, RunT>, RunT extends Run<JobT, RunT>> {
  protected Run() {}
}
