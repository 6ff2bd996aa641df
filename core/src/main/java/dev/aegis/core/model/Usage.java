package dev.aegis.core.model;

/**
 * Token counts of one call or of a whole run.
 *
 * @param inputTokens prompt tokens, including cached ones
 * @param outputTokens completion tokens (reasoning included when the provider counts it there)
 * @param cachedInputTokens the part of {@code inputTokens} served from the provider's prompt cache
 */
public record Usage(long inputTokens, long outputTokens, long cachedInputTokens) {
  public static final Usage ZERO = new Usage(0, 0, 0);

  public Usage {
    if (inputTokens < 0 || outputTokens < 0 || cachedInputTokens < 0) {
      throw new IllegalArgumentException("token counts must not be negative");
    }
  }

  public Usage plus(Usage other) {
    return new Usage(
        inputTokens + other.inputTokens,
        outputTokens + other.outputTokens,
        cachedInputTokens + other.cachedInputTokens);
  }

  public long totalTokens() {
    return inputTokens + outputTokens;
  }
}
