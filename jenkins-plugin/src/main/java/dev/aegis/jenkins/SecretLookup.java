package dev.aegis.jenkins;

import java.util.Optional;

/**
 * Resolves a Jenkins "Secret text" credentials id to its plain value in some context (the build for the
 * step, the controller for the scan and the webhook). Empty when no such credentials is visible there.
 */
@FunctionalInterface
public interface SecretLookup {
  Optional<String> secretText(String credentialsId);
}
