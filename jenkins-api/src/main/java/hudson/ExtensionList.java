package hudson;

import java.util.AbstractList;

/**
 * Mirror of {@code hudson.ExtensionList} (jenkins-core 2.479.3): the plugin only iterates it through
 * {@link java.util.List}.
 */
public class ExtensionList<T> extends AbstractList<T> {
  private ExtensionList() {}

  @Override
  public T get(int index) {
    throw new UnsupportedOperationException("compile-only mirror");
  }

  @Override
  public int size() {
    throw new UnsupportedOperationException("compile-only mirror");
  }
}
