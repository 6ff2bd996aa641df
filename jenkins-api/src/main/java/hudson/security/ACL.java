package hudson.security;

import org.springframework.security.core.Authentication;

/**
 * Mirror of {@code hudson.security.ACL} (jenkins-core 2.479.3): only running as the system. Not in the
 * shared listings; checked against jenkins-core's source ({@code as2} and {@code SYSTEM2} since 2.266).
 */
public abstract class ACL {
  public static final Authentication SYSTEM2 = null;

  private ACL() {}

  public static ACLContext as2(Authentication auth) {
    throw new UnsupportedOperationException("compile-only mirror");
  }
}
