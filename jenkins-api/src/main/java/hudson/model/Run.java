package hudson.model;

import java.io.File;

/** Mirror of {@code hudson.model.Run} (jenkins-core 2.479.3): only where the build keeps its artifacts. */
public abstract class Run<JobT extends Job<JobT, RunT>, RunT extends Run<JobT, RunT>> {
  protected Run() {}

  public File getArtifactsDir() {
    throw new UnsupportedOperationException("compile-only mirror");
  }
}
