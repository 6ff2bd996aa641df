package dev.aegis.jenkins;

import com.cloudbees.plugins.credentials.CredentialsMatchers;
import com.cloudbees.plugins.credentials.CredentialsProvider;
import java.util.List;
import java.util.Optional;
import jenkins.model.Jenkins;
import org.jenkinsci.plugins.plaincredentials.StringCredentials;

/** {@link SecretLookup} over the global (system) "Secret text" credentials, for the scan and the webhook. */
final class ControllerSecrets implements SecretLookup {

  @Override
  public Optional<String> secretText(String credentialsId) {
    // a null Authentication is ACL.SYSTEM2 for the credentials plugin: the controller's own look-up
    List<StringCredentials> all =
        CredentialsProvider.lookupCredentialsInItemGroup(StringCredentials.class, Jenkins.get(), null, List.of());
    StringCredentials found = CredentialsMatchers.firstOrNull(all, CredentialsMatchers.withId(credentialsId));
    return Optional.ofNullable(found).map(credentials -> credentials.getSecret().getPlainText());
  }
}
