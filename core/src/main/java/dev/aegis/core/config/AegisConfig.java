package dev.aegis.core.config;

import dev.aegis.core.agent.AgentSpec;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Resolved configuration: every key's value and where it came from (default, {@code .aegis/config.yml},
 * an {@code AEGIS_*} variable, a host input). Built only by {@link ConfigLoader}, so every value is already
 * parsed and checked.
 *
 * @param values parsed values by key name; keys without a value and without a default are absent
 * @param sources where each value came from, by key name
 * @param file the configuration file that was read, if one existed
 */
public record AegisConfig(Map<String, Object> values, Map<String, String> sources, Optional<Path> file) {

  public AegisConfig {
    values = Map.copyOf(values);
    sources = Map.copyOf(sources);
    Objects.requireNonNull(file, "file");
  }

  /** The value of a key, when it has one. */
  public Optional<Object> value(String key) {
    return Optional.ofNullable(values.get(key));
  }

  /** A text value, empty when unset or blank. */
  public Optional<String> text(String key) {
    return value(key).map(String::valueOf).filter(s -> !s.isBlank());
  }

  /** A whole-number value that has a default. */
  public int whole(String key) {
    return (Integer) values.get(key);
  }

  /** A list value (never null: keys of list kind default to empty). */
  @SuppressWarnings("unchecked")
  public List<String> list(String key) {
    return (List<String>) values.getOrDefault(key, List.of());
  }

  public String readyLabel() {
    return text(ConfigKeys.LABEL_READY).orElseThrow();
  }

  public String bugLabel() {
    return text(ConfigKeys.LABEL_BUG).orElseThrow();
  }

  /** {@code plan-first} or {@code auto}. */
  public String mode() {
    return text(ConfigKeys.MODE).orElseThrow();
  }

  public boolean autoMode() {
    return "auto".equals(mode());
  }

  /** 0 means paused. */
  public int maxConcurrentRuns() {
    return whole(ConfigKeys.MAX_CONCURRENT_RUNS);
  }

  public boolean paused() {
    return maxConcurrentRuns() == 0;
  }

  public String model() {
    return text(ConfigKeys.MODEL).orElseThrow();
  }

  /** The configured engine ({@code agent:}); checked by the loader, so it parses. */
  public AgentSpec agent() {
    return AgentSpec.parse(text(ConfigKeys.AGENT).orElse(AgentSpec.BUILTIN));
  }

  /** The configured MCP tool servers ({@code mcp-servers:}); checked by the loader, so they parse. */
  public List<dev.aegis.core.agent.McpServerSpec> mcpServers() {
    return dev.aegis.core.agent.McpServerSpec.parseAll(
        (com.fasterxml.jackson.databind.JsonNode) values.get(ConfigKeys.MCP_SERVERS));
  }

  public List<String> trackers() {
    return list(ConfigKeys.TRACKERS);
  }

  /** True when {@code kind} ({@code github}, {@code linear}) is one of the configured trackers. */
  public boolean tracks(String kind) {
    return trackers().contains(kind);
  }

  public List<String> approvers() {
    return list(ConfigKeys.APPROVERS);
  }

  public Duration staleAfter() {
    return Duration.ofMinutes(whole(ConfigKeys.STALE_AFTER_MINUTES));
  }

  public Duration claimGrace() {
    return Duration.ofSeconds(whole(ConfigKeys.CLAIM_GRACE_SECONDS));
  }

  public BigDecimal maxDollars() {
    return (BigDecimal) values.get(ConfigKeys.BUDGET_MAX_DOLLARS);
  }

  /** Where a key's value came from: {@code default}, a file path, or a variable name. */
  /**
   * The model's price as configured ({@code model-price.*}, USD per million tokens), empty when not configured;
   * it overrides the bundled price table for the configured model.
   */
  public Optional<dev.aegis.core.model.Price> modelPrice() {
    BigDecimal in = (BigDecimal) values.get(ConfigKeys.PRICE_INPUT);
    BigDecimal out = (BigDecimal) values.get(ConfigKeys.PRICE_OUTPUT);
    if (in == null || out == null) {
      return Optional.empty();
    }
    BigDecimal cached = (BigDecimal) values.getOrDefault(ConfigKeys.PRICE_CACHED_INPUT, null);
    return Optional.of(new dev.aegis.core.model.Price(in.doubleValue(),
        (cached == null ? in : cached).doubleValue(), out.doubleValue()));
  }

  public String sourceOf(String key) {
    return sources.getOrDefault(key, "default");
  }

  /** Key to rendered value, in documentation order, secrets hidden; for {@code aegis status}. */
  public Map<String, String> describe() {
    Map<String, String> out = new LinkedHashMap<>();
    for (ConfigKey key : ConfigKeys.all()) {
      Object v = values.get(key.name());
      String shown = key.secret() && v != null ? "***" : ConfigKey.render(v, x -> "(unset)");
      out.put(key.name(), shown);
    }
    return out;
  }
}
