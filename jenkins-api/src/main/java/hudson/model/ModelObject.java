package hudson.model;

/** Mirror of {@code hudson.model.ModelObject} (jenkins-core 2.479.3). */
public interface ModelObject {
  String getDisplayName();
}
