package hudson.util;

import java.io.Serializable;

/** Mirror of {@code hudson.util.Secret} (jenkins-core 2.479.3). */
public final class Secret implements Serializable {
  private static final long serialVersionUID = 1L;

  private Secret() {}

  public String getPlainText() {
    throw new UnsupportedOperationException("compile-only mirror");
  }
}
