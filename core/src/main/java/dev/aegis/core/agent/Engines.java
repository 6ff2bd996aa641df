package dev.aegis.core.agent;

import dev.aegis.core.model.ModelClient;
import java.util.Objects;

/** Builds engines. */
public final class Engines {
  private Engines() {}

  /**
   * The built-in agent loop: drives {@code model} with Aegis's tools ({@code docs/tools.md}). The client
   * should be fresh per run when it is a {@code scripted/} one (it keeps a cursor).
   */
  public static Engine loop(ModelClient model, LoopSettings settings) {
    return new LoopEngine(Objects.requireNonNull(model, "model"), Objects.requireNonNull(settings, "settings"));
  }

  /**
   * An external coding agent over ACP ({@code agent: claude-code}, {@code codex}, {@code gemini},
   * {@code acp:<command line>}): started in the command sandbox with its own provider key and no other secret;
   * its permission requests are answered from the task's policy.
   *
   * @throws IllegalArgumentException for {@link AgentSpec#builtin()}, which is {@link #loop}
   */
  public static Engine acp(AgentSpec agent, LoopSettings settings) {
    if (Objects.requireNonNull(agent, "agent").isBuiltin()) {
      throw new IllegalArgumentException("the builtin agent is Engines.loop, not an ACP agent");
    }
    return new AcpEngine(agent, Objects.requireNonNull(settings, "settings"));
  }

  /**
   * Checks, starting nothing, that {@code agent} has its provider key in {@code environment}.
   *
   * @throws dev.aegis.core.model.ModelException of kind CONFIG naming the variables to set
   */
  public static void checkAcp(AgentSpec agent, java.util.Map<String, String> environment) {
    AcpEnvironment.of(agent, environment, dev.aegis.core.policy.Secrets.none(), java.util.List.of());
  }
}
