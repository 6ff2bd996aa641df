package hudson.model;

/** Mirror of {@code hudson.model.Action} (jenkins-core 2.479.3). */
public interface Action extends ModelObject {
  String getIconFileName();

  @Override
  String getDisplayName();

  String getUrlName();
}
