package dev.aegis.core.agent;

import dev.aegis.core.model.PriceTable;
import dev.aegis.core.policy.CommandSandbox;
import java.time.Clock;
import java.util.Map;
import java.util.Objects;

/**
 * What the built-in loop needs besides the model.
 *
 * @param environment the host's environment; commands get a scrubbed copy of it
 * @param clock the clock for the wall-time budget and record times
 * @param prices the price table
 * @param sandbox how commands run (detect it once per process with {@link CommandSandbox#detect})
 * @param progress where progress lines go
 * @param maxOutputTokens the cap on each model reply
 * @param maxContextChars the conversation size past which the run stops as context-too-large before
 *     sending
 * @param mcpServers the MCP tool servers the engine offers ({@code mcp-servers:}); empty for none
 */
public record LoopSettings(
    Map<String, String> environment, Clock clock, PriceTable prices, CommandSandbox sandbox, Progress progress,
    int maxOutputTokens, int maxContextChars, java.util.List<McpServerSpec> mcpServers) {
  public LoopSettings {
    environment = Map.copyOf(environment);
    mcpServers = java.util.List.copyOf(mcpServers);
    Objects.requireNonNull(clock, "clock");
    Objects.requireNonNull(prices, "prices");
    Objects.requireNonNull(sandbox, "sandbox");
    Objects.requireNonNull(progress, "progress");
    if (maxOutputTokens < 1 || maxContextChars < 1) {
      throw new IllegalArgumentException("maxOutputTokens and maxContextChars must be positive");
    }
  }

  /** System clock, bundled prices, 8,192 output tokens, 1.5 million characters of context. */
  public static LoopSettings of(Map<String, String> environment, CommandSandbox sandbox, Progress progress) {
    return new LoopSettings(environment, Clock.systemUTC(), PriceTable.bundled(), sandbox, progress, 8192,
        1_500_000, java.util.List.of());
  }

  public LoopSettings withClock(Clock value) {
    return new LoopSettings(environment, value, prices, sandbox, progress, maxOutputTokens, maxContextChars, mcpServers);
  }

  public LoopSettings withPrices(PriceTable value) {
    return new LoopSettings(environment, clock, value, sandbox, progress, maxOutputTokens, maxContextChars,
        mcpServers);
  }

  public LoopSettings withMaxContextChars(int value) {
    return new LoopSettings(environment, clock, prices, sandbox, progress, maxOutputTokens, value, mcpServers);
  }

  public LoopSettings withMcpServers(java.util.List<McpServerSpec> value) {
    return new LoopSettings(environment, clock, prices, sandbox, progress, maxOutputTokens, maxContextChars, value);
  }
}
