package hudson.model;

import java.util.List;

/** Mirror of {@code hudson.model.ParametersAction} (jenkins-core 2.479.3). */
public class ParametersAction implements Action {
  public ParametersAction(List<ParameterValue> parameters) {}

  @Override
  public String getIconFileName() {
    throw new UnsupportedOperationException("compile-only mirror");
  }

  @Override
  public String getDisplayName() {
    throw new UnsupportedOperationException("compile-only mirror");
  }

  @Override
  public String getUrlName() {
    throw new UnsupportedOperationException("compile-only mirror");
  }
}
