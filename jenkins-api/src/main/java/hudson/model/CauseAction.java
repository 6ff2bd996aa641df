package hudson.model;

/** Mirror of {@code hudson.model.CauseAction} (jenkins-core 2.479.3). */
public class CauseAction implements Action {
  public CauseAction(Cause cause) {}

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
