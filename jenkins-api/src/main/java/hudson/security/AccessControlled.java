package hudson.security;

/**
 * Mirror of {@code hudson.security.AccessControlled} (jenkins-core 2.479.3): only the default method the
 * plugin calls ({@code hasPermission(Permission)}, a default method since 2.x).
 */
public interface AccessControlled {
  default boolean hasPermission(Permission permission) {
    throw new UnsupportedOperationException("compile-only mirror");
  }
}
