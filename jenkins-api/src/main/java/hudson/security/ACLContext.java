package hudson.security;

/**
 * Mirror of {@code hudson.security.ACLContext} (jenkins-core 2.479.3): restores the previous security context
 * on {@link #close()}. Not in the shared listings; checked against jenkins-core's source.
 */
public class ACLContext implements AutoCloseable {
  private ACLContext() {}

  @Override
  public void close() {
    throw new UnsupportedOperationException("compile-only mirror");
  }
}
