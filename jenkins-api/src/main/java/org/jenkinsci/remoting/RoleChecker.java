package org.jenkinsci.remoting;

/** Mirror of {@code org.jenkinsci.remoting.RoleChecker} (remoting); only the type is used. */
public abstract class RoleChecker {
  protected RoleChecker() {}
}
