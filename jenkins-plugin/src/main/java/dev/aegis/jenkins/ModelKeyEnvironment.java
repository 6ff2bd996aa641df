package dev.aegis.jenkins;

import dev.aegis.core.model.ModelClients;
import java.util.Map;

/**
 * How the model API key reaches the core: under the core's provider-neutral variable
 * ({@value ModelClients#NEUTRAL_KEY_VARIABLE}), which the core reads for whichever model the configuration names.
 * A worker often learns its model only from its checkout's {@code .aegis/config.yml}, so the plugin never guesses
 * the provider's own variable: which variables count for which model is the core's rule
 * ({@link ModelClients#keyVariablesFor}).
 */
final class ModelKeyEnvironment {
  private ModelKeyEnvironment() {}

  /**
   * True when the environment already holds a key the core would read for {@code model} (null: the model is not
   * known here, so a key under any of the core's names counts).
   */
  static boolean present(Map<String, String> environment, String model) {
    return ModelClients.keyVariablesFor(model).stream()
        .anyMatch(name -> Text.blankToNull(environment.get(name)) != null);
  }

  /**
   * Hands {@code key} to the core as the key to use: under the neutral name, with the providers' own variables
   * removed so that a key already in the environment cannot win over it.
   */
  static void put(Map<String, String> environment, String key) {
    ModelClients.KEY_VARIABLES.forEach(environment::remove);
    environment.put(ModelClients.NEUTRAL_KEY_VARIABLE, key);
  }
}
