package hudson.model;

/** Mirror of {@code hudson.model.AbstractDescribableImpl} (jenkins-core 2.479.3). */
public abstract class AbstractDescribableImpl<T extends AbstractDescribableImpl<T>> implements Describable<T> {
  public AbstractDescribableImpl() {}

  @Override
  public Descriptor<T> getDescriptor() {
    throw new UnsupportedOperationException("compile-only mirror");
  }
}
