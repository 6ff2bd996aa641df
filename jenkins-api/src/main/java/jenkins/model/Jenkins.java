package jenkins.model;

import hudson.model.Item;
import hudson.model.ItemGroup;
import hudson.model.TopLevelItem;
import hudson.security.AccessControlled;
import hudson.security.Permission;

/**
 * Mirror of {@code jenkins.model.Jenkins} (jenkins-core 2.479.3): only what the plugin uses. The real class
 * is an {@code ItemGroup<TopLevelItem>} (through {@code DirectlyModifiableTopLevelItemGroup}) and
 * {@code AccessControlled}.
 */
public class Jenkins implements ItemGroup<TopLevelItem>, AccessControlled {
  public static final Permission ADMINISTER = null;

  private Jenkins() {}

  public static Jenkins get() throws IllegalStateException {
    throw new UnsupportedOperationException("compile-only mirror");
  }

  public <T extends Item> T getItemByFullName(String fullName, Class<T> type) {
    throw new UnsupportedOperationException("compile-only mirror");
  }
}
