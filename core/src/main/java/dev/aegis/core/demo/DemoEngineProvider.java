package dev.aegis.core.demo;

import dev.aegis.core.agent.Engine;
import dev.aegis.core.agent.Engines;
import dev.aegis.core.agent.LoopSettings;
import dev.aegis.core.agent.Progress;
import dev.aegis.core.config.AegisConfig;
import dev.aegis.core.flow.EngineProvider;
import dev.aegis.core.model.ModelClients;
import dev.aegis.core.model.ModelSettings;
import dev.aegis.core.policy.CommandSandbox;
import java.time.Clock;
import java.util.Map;

/**
 * The demo's model: the bundled scripts {@code demo-plan} then {@code demo-fix}, replayed in process by the
 * engine's {@code scripted} provider through the real agent loop, tools and policy.
 */
public final class DemoEngineProvider implements EngineProvider {
  private final Clock clock;
  private final CommandSandbox sandbox;
  private int runs;

  public DemoEngineProvider(Clock clock, CommandSandbox sandbox) {
    this.clock = clock;
    this.sandbox = sandbox;
  }

  @Override
  public synchronized Engine engine(AegisConfig config, Map<String, String> environment, Progress progress) {
    String script = runs++ == 0 ? "scripted/demo-plan" : "scripted/demo-fix";
    return Engines.loop(ModelClients.create(script, ModelSettings.of(environment)),
        LoopSettings.of(environment, sandbox, progress).withClock(clock));
  }

  @Override
  public CommandSandbox sandbox() {
    return sandbox;
  }
}
