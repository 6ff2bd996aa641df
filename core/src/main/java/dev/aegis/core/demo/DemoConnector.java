package dev.aegis.core.demo;

import dev.aegis.core.config.AegisConfig;
import dev.aegis.core.host.HostConnection;
import dev.aegis.core.host.Connector;
import java.util.Map;
import java.util.Objects;

/** Connects to the built-in demo world: no credentials, no network. */
public final class DemoConnector implements Connector {
  private final DemoWorld world;

  public DemoConnector(DemoWorld world) {
    this.world = Objects.requireNonNull(world, "world");
  }

  @Override
  public HostConnection connect(AegisConfig config, Map<String, String> environment) {
    return HostConnection.of(world.tracker(), world.code());
  }
}
