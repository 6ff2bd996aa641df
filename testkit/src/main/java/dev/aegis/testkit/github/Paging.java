package dev.aegis.testkit.github;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/** GitHub's page-number pagination: {@code per_page} (default 30, at most 100), {@code page} and {@code Link}. */
final class Paging {
  private Paging() {}

  static <T> Reply page(Call call, List<T> all, Function<T, JsonNode> shape) {
    int perPage = clamp(parse(call.query("per_page", "30"), 30), 1, 100);
    int page = Math.max(1, parse(call.query("page", "1"), 1));
    int last = Math.max(1, (all.size() + perPage - 1) / perPage);
    ArrayNode items = Shapes.JSON.createArrayNode();
    int from = Math.min(all.size(), (page - 1) * perPage);
    for (T item : all.subList(from, Math.min(all.size(), from + perPage))) {
      items.add(shape.apply(item));
    }
    Reply reply = Reply.ok(items);
    List<String> links = new ArrayList<>();
    if (page < last) {
      links.add(link(call, page + 1, "next"));
      links.add(link(call, last, "last"));
    }
    if (page > 1) {
      links.add(link(call, 1, "first"));
      links.add(link(call, Math.min(page - 1, last), "prev"));
    }
    return links.isEmpty() ? reply : reply.withHeader("Link", String.join(", ", links));
  }

  private static String link(Call call, int page, String rel) {
    StringBuilder query = new StringBuilder();
    for (String part : call.rawQuery().isEmpty() ? new String[0] : call.rawQuery().split("&")) {
      if (!part.startsWith("page=")) {
        query.append(query.length() == 0 ? "" : "&").append(part);
      }
    }
    query.append(query.length() == 0 ? "" : "&").append("page=").append(page);
    return "<" + call.shapes().api() + call.path() + "?" + query + ">; rel=\"" + rel + "\"";
  }

  private static int parse(String value, int fallback) {
    try {
      return Integer.parseInt(value);
    } catch (NumberFormatException e) {
      return fallback;
    }
  }

  private static int clamp(int value, int min, int max) {
    return Math.max(min, Math.min(max, value));
  }
}
