package hudson;

import java.io.IOException;

/** Mirror of {@code hudson.AbortException} (jenkins-core 2.479.3): a failure whose message says it all. */
public final class AbortException extends IOException {
  private static final long serialVersionUID = 1L;

  public AbortException(String message) {
    super(message);
  }
}
