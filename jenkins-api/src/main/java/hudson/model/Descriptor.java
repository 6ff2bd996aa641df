package hudson.model;

import net.sf.json.JSONObject;
import org.kohsuke.stapler.StaplerRequest2;

/** Mirror of {@code hudson.model.Descriptor} (jenkins-core 2.479.3): only what the plugin uses. */
public abstract class Descriptor<T extends Describable<T>> {
  protected Descriptor() {}

  public String getDisplayName() {
    throw new UnsupportedOperationException("compile-only mirror");
  }

  public boolean configure(StaplerRequest2 req, JSONObject json) throws FormException {
    throw new UnsupportedOperationException("compile-only mirror");
  }

  public synchronized void save() {
    throw new UnsupportedOperationException("compile-only mirror");
  }

  public synchronized void load() {
    throw new UnsupportedOperationException("compile-only mirror");
  }

  /** Mirror of {@code hudson.model.Descriptor$FormException}. */
  public static final class FormException extends Exception {
    private static final long serialVersionUID = 1L;

    public FormException(String message, String formField) {
      super(message);
    }
  }
}
