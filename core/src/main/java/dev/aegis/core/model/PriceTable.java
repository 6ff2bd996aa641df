package dev.aegis.core.model;

import com.fasterxml.jackson.databind.JsonNode;
import dev.aegis.core.json.Mappers;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Prices per {@code provider/model}, from the bundled {@code prices.json} resource, optionally overlaid by
 * a file of the same format. Keys are exact ({@code openai/gpt-5.5}) or prefixes ending in {@code *}
 * ({@code anthropic/claude-sonnet-4*}); the longest match wins. {@code openai-responses/} models use the
 * {@code openai/} prices. A model not in the table costs nothing known: {@link #find} is empty and the run
 * reports its cost as unknown rather than zero.
 */
public final class PriceTable {
  private final Map<String, Price> prices;

  private PriceTable(Map<String, Price> prices) {
    this.prices = Map.copyOf(prices);
  }

  /** The bundled table. */
  public static PriceTable bundled() {
    try (InputStream in = PriceTable.class.getResourceAsStream("prices.json")) {
      if (in == null) {
        throw new IllegalStateException("prices.json is missing from the Aegis jar");
      }
      return new PriceTable(read(Mappers.JSON.readTree(in)));
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read the bundled prices.json", e);
    }
  }

  /**
   * The bundled table overlaid by {@code file}.
   *
   * @throws UncheckedIOException when the file cannot be read or parsed (the message names it)
   */
  public static PriceTable withOverrides(Path file) {
    Map<String, Price> merged = new HashMap<>(bundled().prices);
    try {
      merged.putAll(read(Mappers.JSON.readTree(file.toFile())));
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read the price table " + file + ": " + e.getMessage(), e);
    }
    return new PriceTable(merged);
  }

  /** This table with {@code providerModel} priced at {@code price} (a maintainer's configured price). */
  public PriceTable with(String providerModel, Price price) {
    Map<String, Price> merged = new HashMap<>(prices);
    merged.put(providerModel, price);
    return new PriceTable(merged);
  }

  private static Map<String, Price> read(JsonNode root) {
    Map<String, Price> out = new HashMap<>();
    root.path("models").fields().forEachRemaining(e -> out.put(e.getKey(), new Price(
        e.getValue().path("input").asDouble(), e.getValue().path("cached_input")
            .asDouble(e.getValue().path("input").asDouble()), e.getValue().path("output").asDouble())));
    return out;
  }

  /** The price of {@code providerModel}, empty when the table does not know it. */
  public Optional<Price> find(String providerModel) {
    String id = providerModel.startsWith("openai-responses/")
        ? "openai/" + providerModel.substring("openai-responses/".length())
        : providerModel;
    Price exact = prices.get(id);
    if (exact != null) {
      return Optional.of(exact);
    }
    return prices.entrySet().stream()
        .filter(e -> e.getKey().endsWith("*") && id.startsWith(e.getKey().substring(0, e.getKey().length() - 1)))
        .max(Comparator.comparingInt(e -> e.getKey().length()))
        .map(Map.Entry::getValue);
  }
}
