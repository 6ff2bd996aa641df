package dev.aegis.core.model;

/**
 * What a model costs, in US dollars per million tokens.
 *
 * @param inputPerMillion uncached prompt tokens
 * @param cachedInputPerMillion prompt tokens served from the provider's cache
 * @param outputPerMillion completion tokens
 */
public record Price(double inputPerMillion, double cachedInputPerMillion, double outputPerMillion) {
  public Price {
    if (inputPerMillion < 0 || cachedInputPerMillion < 0 || outputPerMillion < 0) {
      throw new IllegalArgumentException("prices must not be negative");
    }
  }

  /** The cost of {@code usage} in dollars. */
  public double cost(Usage usage) {
    long uncached = Math.max(0, usage.inputTokens() - usage.cachedInputTokens());
    return (uncached * inputPerMillion + usage.cachedInputTokens() * cachedInputPerMillion
        + usage.outputTokens() * outputPerMillion) / 1_000_000.0;
  }
}
