package dev.aegis.core.agent;

/**
 * Investigates or fixes something in a workspace under a policy and a budget. The built-in implementation
 * drives a model through Aegis's tools ({@link Engines#loop}); an external coding agent over ACP fits the
 * same seam, answering its permission requests from {@link EngineTask#policy()}.
 */
public interface Engine {

  /**
   * Runs the task to a stop. Never throws for the ways a run can end (budget, model failure, policy): they
   * come back as {@link EngineResult#stop()}; records are written even then.
   */
  EngineResult run(EngineTask task);
}
