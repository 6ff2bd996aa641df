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
}
