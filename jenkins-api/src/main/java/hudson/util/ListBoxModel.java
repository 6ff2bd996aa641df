package hudson.util;

import java.util.ArrayList;

/** Mirror of {@code hudson.util.ListBoxModel} (jenkins-core 2.479.3): only what the plugin uses. */
public class ListBoxModel extends ArrayList<ListBoxModel.Option> {
  private static final long serialVersionUID = 1L;

  public ListBoxModel() {}

  public void add(String displayName, String value) {
    throw new UnsupportedOperationException("compile-only mirror");
  }

  /** Mirror of {@code hudson.util.ListBoxModel$Option}; only the type is used. */
  public static final class Option {
    private Option() {}
  }
}
