package hudson.model;

import hudson.security.AccessControlled;
import hudson.security.Permission;

/** Mirror of {@code hudson.model.Item} (jenkins-core 2.479.3): only what the plugin uses. */
public interface Item extends AccessControlled {
  Permission EXTENDED_READ = null;

  String getFullName();
}
