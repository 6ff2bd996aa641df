package hudson.model;

/** Mirror of {@code hudson.model.Describable} (jenkins-core 2.479.3). */
public interface Describable<T extends Describable<T>> {
  Descriptor<T> getDescriptor();
}
