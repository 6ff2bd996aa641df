package dev.aegis.core.tracker.linear;

import java.net.URI;
import java.util.Objects;

/**
 * Where Linear's GraphQL API is and the personal API key Aegis sends to it (in {@code Authorization}, without a
 * {@code Bearer} prefix, as Linear documents for personal keys). The key never appears in {@link #toString()}.
 *
 * @param endpoint the GraphQL endpoint, {@link #DEFAULT_ENDPOINT} unless a proxy or a test fake is in between
 * @param apiKey the personal API key ({@code lin_api_...}), never null or blank
 */
public record LinearConnection(URI endpoint, String apiKey) {
  /** Linear's public GraphQL endpoint. */
  public static final URI DEFAULT_ENDPOINT = URI.create("https://api.linear.app/graphql");

  public LinearConnection {
    Objects.requireNonNull(endpoint, "endpoint");
    Objects.requireNonNull(apiKey, "apiKey");
    if (apiKey.isBlank()) {
      throw new IllegalArgumentException(
          "LINEAR_API_KEY is empty: create a personal API key in Linear (Settings > Account > Security & access)");
    }
    String scheme = endpoint.getScheme();
    if (!"https".equals(scheme) && !"http".equals(scheme)) {
      throw new IllegalArgumentException("linear.api-url must be an http(s) URL: " + endpoint);
    }
  }

  /** The public endpoint with {@code apiKey}. */
  public static LinearConnection of(String apiKey) {
    return new LinearConnection(DEFAULT_ENDPOINT, apiKey);
  }

  @Override
  public String toString() {
    return "LinearConnection[endpoint=" + endpoint + ", apiKey=***]";
  }
}
