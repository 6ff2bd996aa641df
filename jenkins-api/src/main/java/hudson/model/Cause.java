package hudson.model;

/** Mirror of {@code hudson.model.Cause} (jenkins-core 2.479.3). */
public abstract class Cause {
  public Cause() {}

  public abstract String getShortDescription();
}
