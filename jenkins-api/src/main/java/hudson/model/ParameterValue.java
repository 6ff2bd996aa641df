package hudson.model;

import java.io.Serializable;

/** Mirror of {@code hudson.model.ParameterValue} (jenkins-core 2.479.3). */
public abstract class ParameterValue implements Serializable {
  private static final long serialVersionUID = 1L;

  protected ParameterValue(String name) {}
}
