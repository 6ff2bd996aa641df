package dev.aegis.core.flow;

import dev.aegis.core.agent.Engine;
import dev.aegis.core.agent.Engines;
import dev.aegis.core.agent.LoopSettings;
import dev.aegis.core.agent.Progress;
import dev.aegis.core.config.AegisConfig;
import dev.aegis.core.config.ConfigKeys;
import dev.aegis.core.model.ModelClients;
import dev.aegis.core.model.ModelSettings;
import dev.aegis.core.policy.CommandSandbox;
import java.time.Clock;
import java.util.Map;
import java.util.Objects;
import java.util.function.Supplier;

/** The built-in agent loop over the configured model ({@code provider/model}). */
public final class ModelEngineProvider implements EngineProvider {
  private final Clock clock;
  private final Supplier<CommandSandbox> sandbox;

  /**
   * @param clock the engine's clock (wall-time budget)
   * @param sandbox how commands are isolated; detected once per provider
   */
  public ModelEngineProvider(Clock clock, Supplier<CommandSandbox> sandbox) {
    this.clock = Objects.requireNonNull(clock, "clock");
    this.sandbox = memoize(Objects.requireNonNull(sandbox, "sandbox"));
  }

  @Override
  public Engine engine(AegisConfig config, Map<String, String> environment, Progress progress) {
    ModelSettings settings = ModelSettings.of(environment)
        .withBaseUrl(config.text(ConfigKeys.MODEL_BASE_URL).orElse(null));
    return Engines.loop(ModelClients.create(config.model(), settings),
        LoopSettings.of(environment, sandbox.get(), progress).withClock(clock));
  }

  @Override
  public CommandSandbox sandbox() {
    return sandbox.get();
  }

  private static <T> Supplier<T> memoize(Supplier<T> s) {
    return new Supplier<>() {
      private T value;

      @Override
      public synchronized T get() {
        if (value == null) {
          value = s.get();
        }
        return value;
      }
    };
  }
}
