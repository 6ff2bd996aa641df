package org.kohsuke.stapler;

/** Mirror of {@code org.kohsuke.stapler.StaplerProxy} (stapler): the object that serves a URL in one's place. */
public interface StaplerProxy {
  Object getTarget();
}
