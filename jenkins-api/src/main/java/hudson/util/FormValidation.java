package hudson.util;

import java.io.IOException;

/** Mirror of {@code hudson.util.FormValidation} (jenkins-core 2.479.3): only the factories used. */
public abstract class FormValidation extends IOException {
  private static final long serialVersionUID = 1L;

  private FormValidation() {}

  public static FormValidation ok() {
    throw new UnsupportedOperationException("compile-only mirror");
  }

  public static FormValidation ok(String message) {
    throw new UnsupportedOperationException("compile-only mirror");
  }

  public static FormValidation warning(String message) {
    throw new UnsupportedOperationException("compile-only mirror");
  }

  public static FormValidation error(String message) {
    throw new UnsupportedOperationException("compile-only mirror");
  }
}
