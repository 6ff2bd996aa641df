package com.cloudbees.plugins.credentials;

import java.io.Serializable;

/**
 * Mirror of {@code com.cloudbees.plugins.credentials.CredentialsMatcher} (credentials 1405.vb_cda_74a_f8974);
 * the plugin only passes instances obtained from {@link CredentialsMatchers}.
 */
public interface CredentialsMatcher extends Serializable {}
