package hudson.security;

/** Mirror of {@code hudson.security.Permission} (jenkins-core 2.479.3); only the type is used. */
public final class Permission {
  private Permission() {}
}
