package dev.aegis.core.tracker.linear;

import com.fasterxml.jackson.databind.JsonNode;
import dev.aegis.core.tracker.TrackerException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Walks a Linear connection page by page with {@code first}/{@code after} until {@code hasNextPage} is false. */
final class Pages {
  private static final int MAX_PAGES = 1_000;

  private final LinearGraphQl graphQl;
  private final int pageSize;
  private final String url;

  Pages(LinearGraphQl graphQl, int pageSize, String url) {
    this.graphQl = graphQl;
    this.pageSize = pageSize;
    this.url = url;
  }

  /**
   * Every node of the connection at {@code path} (a JSON pointer into {@code data}, such as {@code /issues}).
   *
   * @throws TrackerException with status 404 when the connection's parent is missing (for example a deleted
   *     issue), or when Linear repeats a cursor
   */
  List<JsonNode> all(Operation operation, Map<String, Object> variables, String path) {
    List<JsonNode> nodes = new ArrayList<>();
    String cursor = null;
    for (int page = 0; page < MAX_PAGES; page++) {
      Map<String, Object> vars = new HashMap<>(variables);
      vars.put("first", pageSize);
      vars.put("after", cursor);
      JsonNode connection = graphQl.call(operation, vars).at(path);
      if (!connection.isObject()) {
        throw new TrackerException("Linear returned nothing at " + path + " while " + operation.purpose(), 404,
            url);
      }
      connection.path("nodes").forEach(nodes::add);
      JsonNode info = connection.path("pageInfo");
      if (!info.path("hasNextPage").asBoolean(false)) {
        return nodes;
      }
      String next = info.path("endCursor").asText(null);
      if (next == null || next.equals(cursor)) {
        throw new TrackerException("Linear repeated a page cursor while " + operation.purpose(), 502, url);
      }
      cursor = next;
    }
    throw new TrackerException("more than " + MAX_PAGES + " pages while " + operation.purpose(), 502, url);
  }
}
