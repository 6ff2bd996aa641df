package hudson.model;

/** Mirror of {@code hudson.model.Job} (jenkins-core 2.479.3): only what the plugin uses. */
public abstract class Job<JobT extends Job<JobT, RunT>, RunT extends Run<JobT, RunT>> implements Item {
  protected Job() {}

  public abstract boolean isBuildable();
}
