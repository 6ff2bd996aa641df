package dev.aegis.core.flow;

import dev.aegis.core.agent.AgentSpec;
import dev.aegis.core.agent.Engine;
import dev.aegis.core.agent.Engines;
import dev.aegis.core.agent.LoopSettings;
import dev.aegis.core.agent.Progress;
import dev.aegis.core.config.AegisConfig;
import dev.aegis.core.config.ConfigKeys;
import dev.aegis.core.model.ModelClients;
import dev.aegis.core.model.ModelSettings;
import dev.aegis.core.policy.CommandSandbox;
import dev.aegis.core.policy.Programs;
import java.time.Clock;
import java.util.Map;
import java.util.Objects;
import java.util.function.Supplier;

/**
 * The configured engine: the built-in agent loop over the configured model ({@code provider/model}), or the
 * external coding agent {@code agent:} names, over ACP.
 */
public final class ModelEngineProvider implements EngineProvider {
  private final Clock clock;
  private final Programs programs;
  private final Supplier<CommandSandbox> sandbox;

  /**
   * @param clock the engine's clock (wall-time budget)
   * @param programs the trusted programs, resolved at start-up
   * @param sandbox how commands are isolated; detected once per provider, on first use
   */
  public ModelEngineProvider(Clock clock, Programs programs, Supplier<CommandSandbox> sandbox) {
    this.clock = Objects.requireNonNull(clock, "clock");
    this.programs = Objects.requireNonNull(programs, "programs");
    this.sandbox = memoize(Objects.requireNonNull(sandbox, "sandbox"));
  }

  /** Detects the sandbox from {@code programs} on first use. */
  public static ModelEngineProvider detecting(Clock clock, Programs programs) {
    return new ModelEngineProvider(clock, programs, () -> CommandSandbox.detect(programs));
  }

  @Override
  public Engine engine(AegisConfig config, Map<String, String> environment, Progress progress) {
    AgentSpec agent = config.agent();
    if (!agent.isBuiltin()) {
      return Engines.acp(agent, LoopSettings.of(environment, sandbox.get(), progress).withClock(clock)
          .withMcpServers(config.mcpServers()));
    }
    return Engines.loop(ModelClients.create(config.model(), settings(config, environment)),
        prices(config, LoopSettings.of(environment, sandbox.get(), progress).withClock(clock)
            .withMcpServers(config.mcpServers())));
  }

  /** The configured model price, when set, over the bundled table. */
  private static LoopSettings prices(AegisConfig config, LoopSettings settings) {
    return config.modelPrice().map(p -> settings.withPrices(settings.prices().with(config.model(), p))).orElse(settings);
  }

  @Override
  public void check(AegisConfig config, Map<String, String> environment) {
    checkModel(config, environment);
  }

  /**
   * Checks that the configured model could be used with this environment (provider, key, base URL), sending
   * nothing; what {@code aegis status} and a job's preflight ask. With an external {@code agent:}, checks the
   * agent's own key instead (the model is the agent's business).
   *
   * @throws dev.aegis.core.model.ModelException of kind CONFIG naming what to set
   */
  public static void checkModel(AegisConfig config, Map<String, String> environment) {
    if (!config.agent().isBuiltin()) {
      Engines.checkAcp(config.agent(), environment);
      return;
    }
    // Building the client reads the key and base URL and sends nothing (OkHttp starts no thread before a call).
    ModelClients.create(config.model(), settings(config, environment));
  }

  private static ModelSettings settings(AegisConfig config, Map<String, String> environment) {
    return ModelSettings.of(environment).withBaseUrl(config.text(ConfigKeys.MODEL_BASE_URL).orElse(null));
  }

  @Override
  public CommandSandbox sandbox() {
    return sandbox.get();
  }

  @Override
  public Programs programs() {
    return programs;
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
