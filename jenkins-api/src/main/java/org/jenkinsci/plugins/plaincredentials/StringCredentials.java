package org.jenkinsci.plugins.plaincredentials;

import com.cloudbees.plugins.credentials.common.StandardCredentials;
import hudson.util.Secret;

/** Mirror of {@code org.jenkinsci.plugins.plaincredentials.StringCredentials} (plain-credentials 183.va_de8f1dd5a_2b_). */
public interface StringCredentials extends StandardCredentials {
  Secret getSecret();
}
