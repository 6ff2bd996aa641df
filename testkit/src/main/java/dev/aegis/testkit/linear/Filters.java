package dev.aegis.testkit.linear;

import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Evaluates Linear filter objects ({@code IssueFilter}, {@code TeamFilter}, comparators...) against fake entities.
 * Relations recurse, collections understand {@code some}/{@code every}/{@code length}, {@code and}/{@code or}
 * combine, and a comparator the fake does not know fails the request instead of matching silently.
 */
final class Filters {
  private Filters() {}

  static boolean matches(FakeNode node, Map<String, Object> filter, Instant now) {
    for (Map.Entry<String, Object> entry : filter.entrySet()) {
      if (entry.getValue() != null && !matchesKey(node, entry.getKey(), entry.getValue(), now)) {
        return false;
      }
    }
    return true;
  }

  private static boolean matchesKey(FakeNode node, String key, Object spec, Instant now) {
    switch (key) {
      case "and":
        return filters(spec).stream().allMatch(f -> matches(node, f, now));
      case "or":
        return filters(spec).stream().anyMatch(f -> matches(node, f, now));
      case "null":
        return !Boolean.TRUE.equals(spec);
      default:
        return value(node.filterValue(key), map(spec), now);
    }
  }

  private static boolean value(Object value, Map<String, Object> spec, Instant now) {
    if (value instanceof List<?> items) {
      return collection(items, spec, now);
    }
    if (spec.get("null") != null && (value == null) != Boolean.TRUE.equals(spec.get("null"))) {
      return false;
    }
    if (value == null) {
      return spec.keySet().stream().allMatch(k -> k.equals("null") || spec.get(k) == null);
    }
    if (value instanceof FakeNode child) {
      return matches(child, spec, now);
    }
    return spec.entrySet().stream()
        .filter(e -> e.getValue() != null && !e.getKey().equals("null"))
        .allMatch(e -> compare(value, e.getKey(), e.getValue(), now));
  }

  private static boolean collection(List<?> items, Map<String, Object> spec, Instant now) {
    for (Map.Entry<String, Object> entry : spec.entrySet()) {
      Object operand = entry.getValue();
      if (operand == null) {
        continue;
      }
      boolean ok = switch (entry.getKey()) {
        case "some" -> items.stream().anyMatch(i -> matches((FakeNode) i, map(operand), now));
        case "every" -> items.stream().allMatch(i -> matches((FakeNode) i, map(operand), now));
        case "length" -> value((double) items.size(), map(operand), now);
        case "null" -> items.isEmpty() == Boolean.TRUE.equals(operand);
        case "and" -> filters(operand).stream().allMatch(f -> collection(items, f, now));
        case "or" -> filters(operand).stream().anyMatch(f -> collection(items, f, now));
        default -> items.stream().anyMatch(i -> matchesKey((FakeNode) i, entry.getKey(), operand, now));
      };
      if (!ok) {
        return false;
      }
    }
    return true;
  }

  private static boolean compare(Object value, String op, Object operand, Instant now) {
    return switch (op) {
      case "eq" -> same(value, operand, now);
      case "neq" -> !same(value, operand, now);
      case "in" -> ((List<?>) operand).stream().anyMatch(o -> same(value, o, now));
      case "nin" -> ((List<?>) operand).stream().noneMatch(o -> same(value, o, now));
      case "eqIgnoreCase" -> text(value).equalsIgnoreCase(text(operand));
      case "neqIgnoreCase" -> !text(value).equalsIgnoreCase(text(operand));
      case "contains" -> text(value).contains(text(operand));
      case "containsIgnoreCase" -> lower(value).contains(lower(operand));
      case "startsWith" -> text(value).startsWith(text(operand));
      case "endsWith" -> text(value).endsWith(text(operand));
      case "gt" -> order(value, operand, now) > 0;
      case "gte" -> order(value, operand, now) >= 0;
      case "lt" -> order(value, operand, now) < 0;
      case "lte" -> order(value, operand, now) <= 0;
      default -> throw new IllegalStateException("FakeLinear does not implement comparator '" + op + "' yet");
    };
  }

  private static boolean same(Object value, Object operand, Instant now) {
    if (value instanceof Instant instant) {
      return instant.equals(instant(operand, now));
    }
    if (value instanceof Number number && operand instanceof Number other) {
      return number.doubleValue() == other.doubleValue();
    }
    return value.equals(operand);
  }

  private static int order(Object value, Object operand, Instant now) {
    if (value instanceof Instant instant) {
      return instant.compareTo(instant(operand, now));
    }
    return Double.compare(((Number) value).doubleValue(), ((Number) operand).doubleValue());
  }

  /** DateTimeOrDuration: an ISO-8601 instant, or an ISO-8601 duration relative to now ({@code -P2W}). */
  private static Instant instant(Object operand, Instant now) {
    String text = text(operand);
    try {
      return text.startsWith("P") || text.startsWith("-P") ? now.plus(Duration.parse(text)) : Instant.parse(text);
    } catch (DateTimeParseException e) {
      throw LinearApiError.invalidInput("Invalid DateTimeOrDuration: " + text);
    }
  }

  private static String text(Object value) {
    return String.valueOf(value);
  }

  private static String lower(Object value) {
    return text(value).toLowerCase(Locale.ROOT);
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Object> map(Object spec) {
    return (Map<String, Object>) spec;
  }

  @SuppressWarnings("unchecked")
  private static List<Map<String, Object>> filters(Object spec) {
    return (List<Map<String, Object>>) spec;
  }
}
