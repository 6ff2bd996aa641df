package dev.aegis.core.config;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.function.Function;

/**
 * One documented configuration key: its dotted name as written in {@code .aegis/config.yml}, how a value
 * is parsed and checked, its default and a one-line description.
 *
 * @param name dotted key, for example {@code labels.ready}
 * @param kind what values it takes
 * @param defaultValue parsed default; null when the key has no default
 * @param description one line for docs and {@code aegis status}
 * @param choices allowed values for {@link Kind#CHOICE}
 * @param secret true when the value must never be printed
 */
public record ConfigKey(
    String name, Kind kind, Object defaultValue, String description, List<String> choices, boolean secret) {

  public ConfigKey {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(kind, "kind");
    Objects.requireNonNull(description, "description");
    choices = List.copyOf(choices);
  }

  /** The environment variable that overrides this key: {@code labels.ready} -> {@code AEGIS_LABELS_READY}. */
  public String environmentVariable() {
    return "AEGIS_" + name.toUpperCase(Locale.ROOT).replace('.', '_').replace('-', '_');
  }

  /**
   * Parses a raw value (from YAML or from a string source).
   *
   * @throws IllegalArgumentException with a message saying what is accepted
   */
  public Object parse(Object raw) {
    return switch (kind) {
      case STRING -> parseString(raw);
      case WHOLE -> parseWhole(raw);
      case DECIMAL -> parseDecimal(raw);
      case BOOLEAN -> parseBoolean(raw);
      case CHOICE -> parseChoice(raw);
      case LIST -> parseList(raw);
      case MAPPING -> parseMapping(raw);
    };
  }

  private String parseString(Object raw) {
    if (raw instanceof List<?> || raw instanceof java.util.Map<?, ?>) {
      throw new IllegalArgumentException("must be a single text value");
    }
    return String.valueOf(raw).trim();
  }

  private Integer parseWhole(Object raw) {
    String text = parseString(raw);
    try {
      int value = Integer.parseInt(text);
      if (value < 0) {
        throw new IllegalArgumentException("must be a whole number of 0 or more, got '" + text + "'");
      }
      return value;
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException("must be a whole number of 0 or more, got '" + text + "'", e);
    }
  }

  private BigDecimal parseDecimal(Object raw) {
    String text = parseString(raw);
    try {
      BigDecimal value = new BigDecimal(text);
      if (value.signum() < 0) {
        throw new IllegalArgumentException("must be a number of 0 or more, got '" + text + "'");
      }
      return value;
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException("must be a number of 0 or more, got '" + text + "'", e);
    }
  }

  private Boolean parseBoolean(Object raw) {
    String text = parseString(raw).toLowerCase(Locale.ROOT);
    return switch (text) {
      case "true", "yes", "on", "1" -> true;
      case "false", "no", "off", "0" -> false;
      default -> throw new IllegalArgumentException("must be true or false, got '" + text + "'");
    };
  }

  private String parseChoice(Object raw) {
    String text = parseString(raw).toLowerCase(Locale.ROOT);
    if (!choices.contains(text)) {
      throw new IllegalArgumentException(
          "must be one of " + String.join(", ", choices) + ", got '" + text + "'");
    }
    return text;
  }

  private List<String> parseList(Object raw) {
    List<String> out = new ArrayList<>();
    if (raw instanceof List<?> items) {
      for (Object item : items) {
        out.add(parseString(item));
      }
    } else {
      for (String part : parseString(raw).split(",")) {
        out.add(part.trim());
      }
    }
    out.removeIf(String::isEmpty);
    return List.copyOf(out);
  }

  /** A YAML mapping (or, from a variable or an input, the same as JSON), checked by the key's own parser. */
  private Object parseMapping(Object raw) {
    com.fasterxml.jackson.databind.JsonNode node;
    if (raw instanceof com.fasterxml.jackson.databind.JsonNode json) {
      node = json;
    } else {
      try {
        node = dev.aegis.core.json.Mappers.JSON.readTree(String.valueOf(raw));
      } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
        throw new IllegalArgumentException("must be a mapping (in a variable or an input: the same as JSON), got '"
            + raw + "'", e);
      }
    }
    if (name.equals(ConfigKeys.MCP_SERVERS)) {
      dev.aegis.core.agent.McpServerSpec.parseAll(node);
    }
    return node;
  }

  /** The kinds of values keys take. */
  public enum Kind {
    STRING,
    WHOLE,
    DECIMAL,
    BOOLEAN,
    CHOICE,
    LIST,
    MAPPING
  }

  static ConfigKey of(String name, Kind kind, Object defaultValue, String description) {
    return new ConfigKey(name, kind, defaultValue, description, List.of(), false);
  }

  static ConfigKey choice(String name, String defaultValue, String description, String... choices) {
    return new ConfigKey(name, Kind.CHOICE, defaultValue, description, List.of(choices), false);
  }

  /** Renders a parsed value for people (lists joined with commas). */
  public static String render(Object value, Function<Object, String> fallback) {
    if (value instanceof List<?> list) {
      return String.join(", ", list.stream().map(String::valueOf).toList());
    }
    return value == null ? fallback.apply(null) : String.valueOf(value);
  }
}
