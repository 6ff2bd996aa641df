package com.cloudbees.plugins.credentials;

/** Mirror of {@code com.cloudbees.plugins.credentials.CredentialsMatchers} (credentials 1405.vb_cda_74a_f8974). */
public class CredentialsMatchers {
  private CredentialsMatchers() {}

  public static CredentialsMatcher always() {
    throw new UnsupportedOperationException("compile-only mirror");
  }

  public static CredentialsMatcher withId(String id) {
    throw new UnsupportedOperationException("compile-only mirror");
  }

  public static <C extends Credentials> C firstOrNull(Iterable<C> credentials, CredentialsMatcher matcher) {
    throw new UnsupportedOperationException("compile-only mirror");
  }
}
