package com.cloudbees.plugins.credentials;

import com.cloudbees.plugins.credentials.common.IdCredentials;
import com.cloudbees.plugins.credentials.domains.DomainRequirement;
import hudson.model.Item;
import hudson.model.ItemGroup;
import hudson.model.Run;
import hudson.security.Permission;
import hudson.util.ListBoxModel;
import java.util.List;
import org.springframework.security.core.Authentication;

/**
 * Mirror of {@code com.cloudbees.plugins.credentials.CredentialsProvider} (credentials 1405.vb_cda_74a_f8974):
 * only the static look-ups the plugin calls. A null {@code Authentication} means {@code ACL.SYSTEM2}.
 */
public abstract class CredentialsProvider {
  public static final Permission USE_ITEM = null;

  public CredentialsProvider() {}

  @SuppressWarnings("rawtypes")
  public static <C extends Credentials> List<C> lookupCredentialsInItemGroup(
      Class<C> type, ItemGroup itemGroup, Authentication authentication, List<DomainRequirement> requirements) {
    throw new UnsupportedOperationException("compile-only mirror");
  }

  @SuppressWarnings("rawtypes")
  public static <C extends IdCredentials> ListBoxModel listCredentialsInItemGroup(
      Class<C> type,
      ItemGroup itemGroup,
      Authentication authentication,
      List<DomainRequirement> requirements,
      CredentialsMatcher matcher) {
    throw new UnsupportedOperationException("compile-only mirror");
  }

  public static <C extends IdCredentials> ListBoxModel listCredentialsInItem(
      Class<C> type,
      Item item,
      Authentication authentication,
      List<DomainRequirement> requirements,
      CredentialsMatcher matcher) {
    throw new UnsupportedOperationException("compile-only mirror");
  }

  public static <C extends IdCredentials> C findCredentialById(
      String id, Class<C> type, Run<?, ?> run, List<DomainRequirement> requirements) {
    throw new UnsupportedOperationException("compile-only mirror");
  }
}
