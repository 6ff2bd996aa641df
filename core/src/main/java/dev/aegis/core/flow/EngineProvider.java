package dev.aegis.core.flow;

import dev.aegis.core.agent.Engine;
import dev.aegis.core.agent.Progress;
import dev.aegis.core.config.AegisConfig;
import dev.aegis.core.policy.CommandSandbox;
import dev.aegis.core.policy.Programs;
import java.util.Map;

/** Makes the engine a run uses. The standard one drives the configured model; tests and the demo pass their own. */
public interface EngineProvider {

  /**
   * @param config the run's configuration (model, base URL)
   * @param environment the process environment (model keys are read from it)
   * @param progress where the engine reports steps
   * @throws dev.aegis.core.model.ModelException when the model cannot be set up (unknown provider, no key)
   */
  Engine engine(AegisConfig config, Map<String, String> environment, Progress progress);

  /**
   * Checks, without a request, that {@link #engine} could be made: the checks a job runs before it claims anything.
   * The default (the demo's and tests' scripted engines) has nothing to check.
   *
   * @throws dev.aegis.core.model.ModelException of kind CONFIG when the model cannot be set up
   */
  default void check(AegisConfig config, Map<String, String> environment) {}

  /** How Aegis runs the project's tests itself: the same isolation the agent's commands get. */
  CommandSandbox sandbox();

  /** The trusted programs (resolved at start-up) Aegis's own git runs from. */
  default Programs programs() {
    return sandbox().programs();
  }
}
