package org.kohsuke.stapler;

/**
 * Mirror of {@code org.kohsuke.stapler.Stapler} (stapler 1903.x, the servlet that routes Jenkins' URLs): only the
 * request of the calling thread.
 */
public class Stapler {
  private Stapler() {}

  public static StaplerRequest2 getCurrentRequest2() {
    throw new UnsupportedOperationException("compile-only mirror");
  }
}
